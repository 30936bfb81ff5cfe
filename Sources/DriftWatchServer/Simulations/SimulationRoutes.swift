import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Hummingbird

/// `POST /v1/simulations`, `GET /v1/simulations`, `GET /v1/simulations/{id}`, and the older
/// stacks' `POST /simulate/{scenario}`: simulated traffic with an injected fault, written
/// through the ingest path, and the fire drill that scores the monitors against it.
struct SimulationRoutes<Context: RequestContext>: Sendable {
    let registry: SimulationRegistry
    let limits: IngestLimits

    /// Seconds a client is asked to wait when too many simulations are running.
    static var retryAfterSeconds: Int { 5 }

    func add(to router: Router<Context>) {
        router.post("/v1/simulations") { request, _ in try await start(request, scenario: nil) }
        router.get("/v1/simulations") { _, _ in
            let simulations = await registry.list()
            var answers: [[String: Any]] = []
            for simulation in simulations { answers.append(try await answer(simulation)) }
            return JSONResponse.make(
                .ok,
                [
                    "simulations": answers, "running": simulations.count { $0.state == .running },
                    "max_running": registry.maxRunning,
                ])
        }
        router.get("/v1/simulations/:id") { _, context in
            let id = try context.parameters.require("id")
            let found = id == "latest" ? await registry.list().first : await registry.get(id)
            guard let simulation = found else { return JSONResponse.error(.notFound, "no simulation \(id)") }
            return JSONResponse.make(.ok, try await answer(simulation))
        }
        router.post("/simulate/:scenario") { request, context in
            let name = try context.parameters.require("scenario")
            guard let kind = ScenarioKind(rawValue: name) else {
                let known = ScenarioKind.allCases.map(\.rawValue).joined(separator: ", ")
                return JSONResponse.make(
                    .unprocessableContent,
                    ["error": "unknown scenario '\(name)'; expected one of \(known)", "field": "scenario"])
            }
            return try await start(request, scenario: kind)
        }
    }

    /// Reads the body (optional when the path names the scenario) and starts the simulation:
    /// 202 with it, 400 when the body is not JSON, 413 when it is too large, 422 naming the
    /// field at fault, 429 when too many are running.
    private func start(_ request: Request, scenario: ScenarioKind?) async throws -> Response {
        guard let buffer = try await JSONBody.collect(request, upTo: limits.maxRowBytes) else {
            return JSONBody.tooLarge(limits.maxRowBytes)
        }
        let bytes = Array(buffer.readableBytesView)
        let body: JSONValue
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            body = .object([:])
        } else {
            do {
                body = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
            } catch {
                return JSONResponse.error(.badRequest, "the body is not valid JSON: \(error)")
            }
        }
        do {
            let parsed = try SimulationRequest.parse(body, defaultScenario: scenario)
            let simulation = try await registry.start(parsed)
            var response = JSONResponse.make(.accepted, simulation.json())
            response.headers[.location] = "/v1/simulations/\(simulation.id)"
            return response
        } catch let error as SimulationConfigurationError {
            return Self.invalid(error)
        } catch SimulationRegistry.Refusal.invalid(let error) {
            return Self.invalid(error)
        } catch SimulationRegistry.Refusal.busy(let limit) {
            var response = JSONResponse.error(
                .tooManyRequests, "\(limit) simulations are already running; retry when one has ended")
            response.headers[.retryAfter] = String(Self.retryAfterSeconds)
            return response
        }
    }

    private func answer(_ simulation: SimulationSnapshot) async throws -> [String: Any] {
        simulation.json(fireDrill: try await registry.fireDrill(simulation))
    }

    private static func invalid(_ error: SimulationConfigurationError) -> Response {
        JSONResponse.make(.unprocessableContent, ["error": error.message, "field": error.field])
    }
}
