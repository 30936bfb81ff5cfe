/// A two-sample drift method, by its stable name.
///
/// The raw value is the name used on the command line, in configuration and in JSON output;
/// it never changes once released. Each case's documentation names the reference
/// implementation it agrees with.
public enum DriftMethod: String, CaseIterable, Sendable, Codable, Hashable {
    /// Two-sample Kolmogorov–Smirnov; `scipy.stats.ks_2samp` (method auto).
    case ks
    /// Anderson–Darling k-sample test for two samples; `scipy.stats.anderson_ksamp`.
    case anderson
    /// Two-sample Cramér–von Mises; `scipy.stats.cramervonmises_2samp`.
    case cramerVonMises = "cramer_von_mises"
    /// Mann–Whitney U, two-sided; `scipy.stats.mannwhitneyu`.
    case mannWhitney = "mannwhitney"
    /// Welch's unequal-variance t-test; `scipy.stats.ttest_ind(equal_var=False)`.
    case tTest = "t_test"
    /// Epps–Singleton test on the empirical characteristic function; `scipy.stats.epps_singleton_2samp`.
    case eppsSingleton = "epps_singleton"
    /// Two-sample Kuiper V with its asymptotic p-value; astropy's `kuiper_two`.
    case kuiper
    /// First Wasserstein distance in the data's units; `scipy.stats.wasserstein_distance`.
    case wasserstein
    /// Wasserstein distance over max(std(reference), 0.001), as Evidently's `wasserstein`.
    case wassersteinNormed = "wasserstein_normed"
    /// Energy distance; `scipy.stats.energy_distance`.
    case energyDistance = "energy_distance"
    /// Empirical MMD² with an RBF kernel and a seeded permutation p-value.
    case mmd
    /// Population stability index on Evidently's binning.
    case psi
    /// Kullback–Leibler divergence KL(reference ‖ current) on Evidently's binning.
    case klDiv = "kl_div"
    /// Jensen–Shannon distance (natural log) on Evidently's binning.
    case jensenShannon = "jensenshannon"
    /// Hellinger distance on Evidently's binning.
    case hellinger
    /// χ² test of homogeneity on the 2×k table; `scipy.stats.chi2_contingency`.
    case chiSquare = "chisquare"
    /// G-test on the 2×k table; `scipy.stats.chi2_contingency(lambda_="log-likelihood")`.
    case gTest = "g_test"
    /// Pooled two-proportion z-test, two-sided, for binary categories.
    case z
    /// Fisher's exact test on the 2×2 table; `scipy.stats.fisher_exact`.
    case fisherExact = "fisher_exact"
    /// Total variation distance ½Σ|p − q|.
    case tvd
    /// L∞ distance max|p − q|.
    case linf
    /// Cramér's V of the 2×k table; `scipy.stats.contingency.association(method="cramer")`.
    case cramersV = "cramers_v"

    /// Whether the method is a hypothesis test: drift is p-value < threshold. Otherwise the
    /// method is a distance and drift is statistic ≥ threshold.
    public var isHypothesisTest: Bool {
        switch self {
        case .ks, .anderson, .cramerVonMises, .mannWhitney, .tTest, .eppsSingleton, .kuiper, .mmd,
            .chiSquare, .gTest, .z, .fisherExact:
            true
        case .wasserstein, .wassersteinNormed, .energyDistance, .psi, .klDiv, .jensenShannon,
            .hellinger, .tvd, .linf, .cramersV:
            false
        }
    }

    /// Whether the method accepts numeric columns.
    public var acceptsNumeric: Bool {
        switch self {
        case .chiSquare, .gTest, .z, .fisherExact, .tvd, .linf, .cramersV: false
        default: true
        }
    }

    /// Whether the method accepts categorical columns.
    public var acceptsCategorical: Bool {
        switch self {
        case .psi, .klDiv, .jensenShannon, .hellinger, .chiSquare, .gTest, .z, .fisherExact, .tvd,
            .linf, .cramersV:
            true
        default: false
        }
    }

    /// The default threshold: a significance level for tests, a distance otherwise.
    ///
    /// These follow Evidently's defaults where Evidently has the method. `wasserstein` is in
    /// the data's units, so its default is resolved per column as 0.1 × max(std(reference), 0.001)
    /// (the same decision as `wasserstein_normed` at 0.1) unless set explicitly.
    public var defaultThreshold: Double {
        switch self {
        case .ks, .mannWhitney, .tTest, .eppsSingleton, .chiSquare, .z: 0.05
        case .anderson, .cramerVonMises, .kuiper, .mmd, .fisherExact, .gTest: 0.1
        case .wasserstein, .wassersteinNormed, .energyDistance, .psi, .klDiv, .jensenShannon,
            .hellinger, .tvd, .linf:
            0.1
        case .cramersV: 0.1
        }
    }
}
