/// Why a page cannot be shown: each has its own status and plain-language page.
enum DashboardFailure: Error, Equatable {
    /// No model has this id (404).
    case noModel(String)
    /// A query parameter cannot be read (400).
    case badParameter(name: String, message: String)
}
