import Foundation

/// gᵀ Σ⁺ g for a symmetric matrix Σ, with Σ⁺ the pseudo-inverse `numpy.linalg.pinv` forms.
///
/// numpy takes the SVD and drops singular values at or below rcond = 1e-15 times the largest.
/// For symmetric Σ the singular values are the |λ| of a symmetric eigen-decomposition
/// Σ = Σₖ λₖ vₖvₖᵀ, so gᵀ Σ⁺ g = Σ_{kept} (vₖ·g)²/λₖ, and the rank of Σ⁺ that
/// `numpy.linalg.matrix_rank` reports is the number kept. The eigenvectors come from cyclic
/// Jacobi rotations (Golub and Van Loan, 4th ed., §8.5), accurate to a few ulps of ‖Σ‖.
enum EppsSingletonQuadraticForm {
    /// The quadratic form in the pseudo-inverse of `matrix` and the pseudo-inverse's rank.
    static func evaluate(_ matrix: [[Double]], _ vector: [Double]) -> (value: Double, rank: Int) {
        let (values, vectors) = eigenDecomposition(matrix)
        let cutoff = 1e-15 * values.map(abs).max()!
        var value = 0.0
        var rank = 0
        for (lambda, eigenvector) in zip(values, vectors) where abs(lambda) > cutoff {
            var projection = 0.0
            for (component, coordinate) in zip(eigenvector, vector) {
                projection += component * coordinate
            }
            value += projection * projection / lambda
            rank += 1
        }
        return (value, rank)
    }

    /// Eigenvalues and unit eigenvectors (one per array) of a symmetric matrix.
    private static func eigenDecomposition(_ matrix: [[Double]]) -> (
        values: [Double], vectors: [[Double]]
    ) {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
        let scale = a.joined().reduce(0) { $0 + $1 * $1 }.squareRoot()
        // Rotating away an entry this small moves no eigenvalue by more than rounding would.
        let negligible = 1e-18 * scale
        for _ in 0..<64 {
            var rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where abs(a[p][q]) > negligible {
                    rotated = true
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let (akp, akq) = (a[k][p], a[k][q])
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let (apk, aqk) = (a[p][k], a[q][k])
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let (vkp, vkq) = (v[k][p], v[k][q])
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
            if !rotated { break }
        }
        let values = (0..<n).map { a[$0][$0] }
        let vectors = (0..<n).map { column in (0..<n).map { v[$0][column] } }
        return (values, vectors)
    }
}
