/// Turns a notification into the HTTP requests of one kind of receiver.
///
/// Every receiver configuration (``WebhookReceiver``, ``SlackReceiver``, ``PagerDutyReceiver``,
/// ``AlertmanagerReceiver``, ``RetrainingReceiver``) conforms; a new kind of receiver is a new
/// conforming type.
public protocol NotificationPayloadBuilder: Sendable {
    /// The requests that deliver `notification`; empty when this receiver has nothing to say
    /// about it (a retraining trigger for a resolved group, say).
    ///
    /// - Parameters:
    ///   - notification: What to deliver.
    ///   - receiver: The receiver's name, copied into each request.
    ///   - context: The external URL and the time of sending.
    func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
}
