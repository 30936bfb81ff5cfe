extension OpenAPIDocument {
    /// References named by a window of the model's own traffic.
    static let referenceWindowOperations: [Operation] = [
        Operation(
            method: "post", path: "/v1/models/{model}/reference/window",
            summary:
                "Make the model's reference from a past window of its own production traffic (query: from, to or window, limit: at most this many events, newest first, version: that version's traffic, saved as its own reference); replaces any earlier one.",
            requestExample: "{}", responses: [201: "Reference", 400: "DeclarationError", 404: "Error", 422: "Error"],
            exampleQuery: "window=1d")
    ]
}
