import DriftWatchAlerting
import DriftWatchServer
import Testing

/// The `alerting:` section of the YAML config.
@Suite struct AlertingConfigurationTests {
    @Test func rulesReceiversAndRoutesAreRead() throws {
        let settings = try ServerConfiguration.parse(
            yaml: """
                alerting:
                  default_rules: false
                  external_url: https://driftwatch.example.com
                  rules:
                    - id: drift-share
                      metric: dataset_drift_share
                      condition: {threshold: {op: ">", value: 0.5}}
                      severity: critical
                      for: 15m
                      annotations:
                        summary: Most features drifted
                        runbook_url: https://wiki.example.com/drift
                  receivers:
                    - name: oncall
                      pagerduty: {routing_key: abc123}
                """)
        #expect(settings.alerting.defaultRules == false)
        #expect(settings.alerting.externalURL == "https://driftwatch.example.com")
        let rule = try #require(settings.alerting.rules.first)
        #expect(rule.id == "drift-share" && rule.severity == .critical)
        #expect(rule.forDuration == .minutes(15))
        let routing = try #require(settings.alerting.routing)
        #expect(routing.receivers.map(\.name) == ["oncall"])
        #expect(routing.route.receiver == "oncall", "one receiver and no route: everything goes to it")
    }

    @Test func badRulesAndRoutesAreReportedWithTheirPlace() {
        let yaml = """
            alerting:
              rules:
                - id: broken
                  metric: error_rate
                  condition: {threshold: {op: "=>", value: 0.1}}
              route: {receiver: nobody}
              receivers:
                - name: hook
                  webhook: {url: "http://127.0.0.1:9/hook"}
            """
        #expect {
            _ = try ServerConfiguration.parse(yaml: yaml, source: "alerts.yaml")
        } throws: { error in
            guard let errors = error as? ConfigurationErrors else { return false }
            let lines = errors.errors.map(\.description)
            return lines.count == 2 && lines[0].hasPrefix("alerts.yaml:3:5: alerting.rules")
                && lines[0].contains("op") && lines[1].contains("nobody")
        }
    }
}
