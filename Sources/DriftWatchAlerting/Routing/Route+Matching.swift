extension Route {
    /// Where an alert goes: the routes it matches, with every inherited setting filled in.
    ///
    /// Empty when the alert does not match this node; the root route, which has no matchers,
    /// always gives at least itself.
    ///
    /// ```swift
    /// for destination in configuration.route.destinations(for: alert.labels) {
    ///     print(destination.receiver, destination.groupKey(for: alert.labels))
    /// }
    /// ```
    public func destinations(for labels: AlertLabels) -> [RouteDestination] {
        destinations(for: labels, inherited: .root, path: "0")
    }

    private func destinations(for labels: AlertLabels, inherited: RouteDestination, path: String) -> [RouteDestination]
    {
        guard matchers.matches(labels) else { return [] }
        let own = resolved(from: inherited, path: path)
        var found: [RouteDestination] = []
        for (index, child) in routes.enumerated() {
            let matches = child.destinations(for: labels, inherited: own, path: "\(path).\(index)")
            found += matches
            if !matches.isEmpty && !child.continueMatching { break }
        }
        return found.isEmpty ? [own] : found
    }

    /// This node's settings over its parent's.
    private func resolved(from parent: RouteDestination, path: String) -> RouteDestination {
        var destination = parent
        destination.routeID = path
        if let receiver { destination.receiver = receiver }
        if let groupBy { destination.groupBy = groupBy }
        if let groupWait { destination.groupWait = groupWait }
        if let groupInterval { destination.groupInterval = groupInterval }
        if let repeatInterval { destination.repeatInterval = repeatInterval }
        return destination
    }
}
