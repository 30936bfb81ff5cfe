import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Testing

/// Label scheduling and reference data.
@Suite struct StreamAndReferenceTests {
    @Test func labelQueueReleasesLabelsInTimeOrderWhenDue() throws {
        let stream = try events(Models.churn, count: 3_000)
        var queue = LabelQueue()
        var released: [LabelEvent] = []
        for event in stream {
            if let label = event.label { queue.insert(label) }
            let due = queue.removeDue(at: event.inference.timestamp)
            #expect(due.allSatisfy { $0.timestamp <= event.inference.timestamp })
            released += due
        }
        released += queue.removeDue(at: .distantFuture)
        #expect(queue.isEmpty)
        #expect(released.count == stream.compactMap(\.label).count)
        #expect(zip(released, released.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(Set(released.map(\.requestID)) == Set(stream.compactMap(\.label?.requestID)))
    }

    @Test func labelsComeAfterTheirPredictionsWithTheModelsDelay() throws {
        let stream = try events(Models.churn, count: 5_000)
        let delays = stream.compactMap { event in event.labelAvailableAt?.timeIntervalSince(event.inference.timestamp) }
        #expect(delays.allSatisfy { $0 > 0 })
        let median = quantile(delays, 0.5)
        #expect(abs(median - Models.churn.labelTiming.medianDelaySeconds) < 3, "median delay \(median)")
        #expect(stream.allSatisfy { $0.label == nil || $0.label?.requestID == $0.inference.requestID })
    }

    @Test func referenceDatasetHasEveryFeatureAndDiffersFromTraffic() throws {
        let model = Models.fraud
        let reference = model.referenceDataset(count: 2_000, createdAt: trafficStart)
        #expect(reference.rowCount == 2_000)
        #expect(Set(reference.columns.map(\.name)) == Set(model.features.map(\.name)))
        let amount = try #require(reference.columns.first { $0.name == "amount" })
        #expect(amount.kind == .numeric && amount.missing == 0)
        let traffic = try events(model, count: 100, seed: 0).map(\.inference.features)
        #expect(model.referenceRows(count: 100, seed: 0) != traffic)
        #expect(model.referenceRows(count: 100, seed: 0) == model.referenceRows(count: 100, seed: 0))
    }

    @Test func referenceCSVHasAHeaderAndOneLinePerRow() {
        let csv = Models.churn.referenceCSV(count: 50)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "tenure_months,monthly_charges,support_tickets,contract,payment_method,paperless_billing")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 6 })
    }
}
