import Foundation

extension KolmogorovDistribution {
    /// The Pelz–Good (1976) approximation to P(Dₙ ≤ x), as scipy's `_kolmogn_PelzGood`.
    ///
    /// The Li-Chien/Korolyuk expansion P(Dₙ ≤ x) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2),
    /// z = x√n, with each Kᵢ rewritten through the Jacobi theta functional equation into sums
    /// over odd m of polynomials in m² times q^(m²), q = exp(−π²/(8z²)), which converge fast for
    /// small z. The sums run over k = 1…⌈16z/π⌉.
    static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let z = Double(n).squareRoot() * x
        let z2 = pow(z, 2)
        let z3 = pow(z, 3)
        let z4 = pow(z, 4)
        let z6 = pow(z, 6)
        let qLog = -piSquared / 8 / z2
        // exp(qLog) underflows below z ≈ 0.0417, where the CDF is 0 to double precision.
        if qLog < -708 { return 0 }
        var q = exp(qLog)

        let k1a = -z2
        let k1b = piSquared / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * piSquared / 4
        let k2c = piFourth * (1 - 2 * z2) / 16
        let k3d = piSixth * (5 - 30 * z2) / 64
        let k3c = piFourth * (-60 * z2 + 212 * z4) / 16
        let k3b = piSquared * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)

        // Horner's rule in q⁸ over odd m = 2k − 1, from the largest k down.
        var k0 = 0.0
        var k1 = 0.0
        var k2 = 0.0
        var k3 = 0.0
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        for index in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * index - 1)
            let m2 = m * m
            let m4 = pow(m, 4)
            let m6 = pow(m, 6)
            let qPower = pow(q, Double(8 * index))
            k0 = k0 * qPower + 1
            k1 = k1 * qPower + (k1a + k1b * m2)
            k2 = k2 * qPower + (k2a + k2b * m2 + k2c * m4)
            k3 = k3 * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6)
        }
        k0 = k0 * q * sqrtTwoPi / z
        k1 = k1 * q * sqrtTwoPi / (6 * z4)
        k2 = k2 * q * sqrtTwoPi / (72 * pow(z, 7))
        k3 = k3 * q * sqrtTwoPi / (6480 * pow(z, 10))

        // The terms over all integers k in K₂ and K₃ barely cancel, so they are summed directly.
        q = exp(-piSquared / 2 / z2)
        let sqrt3z = 3.0.squareRoot() * z
        var k2Extra = 0.0
        var k3Extra = 0.0
        for index in stride(from: maxK, through: 1, by: -1) {
            let kSquared = Double(index * index)
            let kPi = Double.pi * Double(index)
            let qPower = pow(q, kSquared)
            k2Extra += kSquared * qPower
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower
        }
        k2 += k2Extra * (piSquared * sqrtTwoPi / (-36 * z3))
        k3 += k3Extra * (piSquared * sqrtTwoPi / (216 * z6))
        let n = Double(n)
        return k0 + k1 / pow(n, 0.5) + k2 / n + k3 / pow(n, 1.5)
    }

    /// π².
    private static let piSquared = Double.pi * Double.pi
    /// π⁴.
    private static let piFourth = pow(Double.pi, 4)
    /// π⁶.
    private static let piSixth = pow(Double.pi, 6)
    /// √(2π).
    private static let sqrtTwoPi = (2 * Double.pi).squareRoot()
}
