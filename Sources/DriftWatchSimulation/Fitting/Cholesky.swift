/// Solves A·x = b for a symmetric positive-definite A by its Cholesky factor A = L·Lᵀ.
///
/// The normal equations of ridge regression and the Newton steps of penalised logistic
/// regression are such systems; the penalty makes them positive definite even with one-hot
/// columns that sum to the intercept.
enum Cholesky {
    /// x with A·x = b, where `matrix` is A (n × n, row after row); nil when A is not
    /// numerically positive definite.
    static func solve(_ matrix: [Double], _ vector: [Double]) -> [Double]? {
        let n = vector.count
        precondition(matrix.count == n * n, "a \(n)-vector needs an \(n)×\(n) matrix")
        var lower = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= lower[i * n + k] * lower[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i * n + i] = sum.squareRoot()
                } else {
                    lower[i * n + j] = sum / lower[j * n + j]
                }
            }
        }
        var y = vector
        for i in 0..<n {
            for k in 0..<i { y[i] -= lower[i * n + k] * y[k] }
            y[i] /= lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= lower[k * n + i] * y[k] }
            y[i] /= lower[i * n + i]
        }
        return y
    }
}
