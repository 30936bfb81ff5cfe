import Hummingbird

/// Counts every request in `ml_api_requests_total` by method, route pattern and status.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            let response = try await next(request, context)
            metrics.request(
                method: request.method.rawValue, path: context.endpointPath ?? "unmatched", status: response.status.code
            )
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.request(method: request.method.rawValue, path: context.endpointPath ?? "unmatched", status: status)
            throw error
        }
    }
}
