/// Binary logistic regression with an L2 penalty, as scikit-learn's
/// `LogisticRegression(C: C, l1_ratio=0, fit_intercept=True)` fits it.
///
/// Minimises Σᵢ [log(1 + e^{zᵢ}) − yᵢ·zᵢ] + ‖w‖²/(2C) with zᵢ = b + xᵢ·w; the intercept b is
/// not penalised. Fitted by Newton's method (iteratively reweighted least squares) with step
/// halving, to the exact optimum rather than to scikit-learn's default tolerance; checked
/// against scikit-learn 1.9 (`solver="newton-cholesky"`, `tol=1e-13`) to 1e−9 relative on
/// `Tests/DriftWatchSimulationTests/Fixtures/simulation_models.json` (observed: within 2e−12).
public struct LogisticRegression: Sendable, Hashable {
    /// The weight of each column of the design matrix.
    public let coefficients: [Double]
    /// The unpenalised intercept b.
    public let intercept: Double

    /// A model with known parameters.
    public init(coefficients: [Double], intercept: Double) {
        self.coefficients = coefficients
        self.intercept = intercept
    }

    /// Fits the model to `x` and the 0/1 outcomes `y`.
    ///
    /// ```swift
    /// let model = try LogisticRegression.fit(x, y, inverseRegularization: 1)
    /// let p = model.probability(of: [0.3, 1])
    /// ```
    ///
    /// - Parameters:
    ///   - x: the inputs, one row per sample.
    ///   - y: each sample's outcome, 0 or 1.
    ///   - inverseRegularization: C, the inverse of the L2 penalty strength (scikit-learn's `C`).
    /// - Throws: ``FittingError`` when the sizes disagree, an outcome is not 0 or 1, only one
    ///   class is present, or the Newton system is singular.
    public static func fit(
        _ x: DesignMatrix, _ y: [Double], inverseRegularization: Double
    ) throws(FittingError) -> LogisticRegression {
        guard x.rows == y.count, x.rows > 0 else {
            throw FittingError("\(x.rows) rows but \(y.count) outcomes")
        }
        guard y.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw FittingError("an outcome is not 0 or 1") }
        guard y.contains(0), y.contains(1) else { throw FittingError("the outcomes hold one class") }
        guard inverseRegularization > 0, inverseRegularization.isFinite else {
            throw FittingError("C must be positive and finite")
        }
        let problem = Problem(x: x, y: y, penalty: 1 / inverseRegularization)
        var theta = [Double](repeating: 0, count: x.columns + 1)
        var objective = problem.objective(theta)
        for _ in 0..<100 {
            let (gradient, hessian) = problem.derivatives(theta)
            guard let step = Cholesky.solve(hessian, gradient) else {
                throw FittingError("the Newton system is not positive definite")
            }
            var scale = 1.0
            var candidate = theta.indices.map { theta[$0] - step[$0] }
            var candidateObjective = problem.objective(candidate)
            // Step halving guards the rare overshoot of a full Newton step. Close to the optimum
            // the expected decrease gᵀH⁻¹g falls below the rounding noise of the objective, and
            // the full step is taken without comparing objectives.
            let decrease = zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            if decrease > 1e-11 * max(1, abs(objective)) {
                for _ in 0..<50 where candidateObjective > objective {
                    scale *= 0.5
                    candidate = theta.indices.map { theta[$0] - scale * step[$0] }
                    candidateObjective = problem.objective(candidate)
                }
            }
            let largestStep = step.map(abs).max() ?? 0
            let largestParameter = candidate.map(abs).max() ?? 0
            theta = candidate
            objective = candidateObjective
            // Newton converges quadratically: after a full step this small, the error left is
            // below rounding.
            if scale == 1 && largestStep <= 1e-10 * max(1, largestParameter) { break }
        }
        return LogisticRegression(coefficients: Array(theta.dropFirst()), intercept: theta[0])
    }

    /// The linear score b + x·w.
    public func score(of row: some Collection<Double>) -> Double {
        var z = intercept
        for (value, weight) in zip(row, coefficients) { z += value * weight }
        return z
    }

    /// The probability of class 1 for one row of inputs.
    public func probability(of row: some Collection<Double>) -> Double { Logistic.sigmoid(score(of: row)) }
}

/// The logistic function and its companions, through ``PortableMath``.
enum Logistic {
    /// 1/(1 + e^{−z}), computed without overflow for either sign.
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + PortableMath.exp(-z)) }
        let e = PortableMath.exp(z)
        return e / (1 + e)
    }

    /// log(1 + e^z), computed without overflow.
    static func softplus(_ z: Double) -> Double {
        max(z, 0) + PortableMath.log(1 + PortableMath.exp(-abs(z)))
    }
}

/// The penalised negative log-likelihood of a logistic regression and its derivatives, over
/// θ = (b, w).
private struct Problem {
    let x: DesignMatrix
    let y: [Double]
    let penalty: Double

    func objective(_ theta: [Double]) -> Double {
        var total = 0.0
        for i in 0..<x.rows {
            let z = score(theta, row: i)
            total += Logistic.softplus(z) - y[i] * z
        }
        var squares = 0.0
        for weight in theta.dropFirst() { squares += weight * weight }
        return total + 0.5 * penalty * squares
    }

    /// The gradient, and the Hessian (row after row, (p + 1) × (p + 1)).
    func derivatives(_ theta: [Double]) -> (gradient: [Double], hessian: [Double]) {
        let n = theta.count
        var gradient = [Double](repeating: 0, count: n)
        var hessian = [Double](repeating: 0, count: n * n)
        var augmented = [Double](repeating: 1, count: n)
        for i in 0..<x.rows {
            for j in 0..<x.columns { augmented[j + 1] = x[i, j] }
            let p = Logistic.sigmoid(score(theta, row: i))
            let residual = p - y[i]
            let weight = p * (1 - p)
            for j in 0..<n {
                gradient[j] += residual * augmented[j]
                let scaled = weight * augmented[j]
                for k in 0...j { hessian[j * n + k] += scaled * augmented[k] }
            }
        }
        for j in 1..<n {
            gradient[j] += penalty * theta[j]
            hessian[j * n + j] += penalty
        }
        for j in 0..<n {
            for k in 0..<j { hessian[k * n + j] = hessian[j * n + k] }
        }
        return (gradient, hessian)
    }

    private func score(_ theta: [Double], row: Int) -> Double {
        var z = theta[0]
        for j in 0..<x.columns { z += x[row, j] * theta[j + 1] }
        return z
    }
}
