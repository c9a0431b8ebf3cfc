using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// One outgoing text, stored once before it is sent: PartitionKey is its due bucket (<see cref="DueBuckets"/>), RowKey
/// its id. A reminder's appointment keeps a reference to it. Its state changes only through the named methods below,
/// each of which refuses a move <see cref="TextStates.CanMove"/> does not allow; the caller then writes the row once,
/// ETag-checked.
/// </summary>
public sealed class TextEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    [JsonIgnore]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Not in a row's JSON (a send message carries it as text beside the row, <see cref="CarriedText"/>).</summary>
    [JsonIgnore]
    public ETag ETag { get; set; }

    public string AppointmentId { get; set; } = "";

    public int AppointmentVersion { get; set; }

    public string ParentId { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public string State { get; set; } = TextStates.Scheduled;

    /// <summary>
    /// Who marked it queued: <see cref="TextStore.QueuedByDispatch"/> for the dispatch tick, which queues such a text
    /// again if it reads its minute again after failing; null for a text queued at once by what wrote it.
    /// </summary>
    public string? QueuedBy { get; set; }

    public DateTimeOffset StateChangedAt { get; set; }

    /// <summary>When the current attempt to send began (marked sending).</summary>
    public DateTimeOffset? SendingSince { get; set; }

    /// <summary>
    /// For a text that is sending: not looked at again before this (the lease of the worker sending it, a retry's backoff,
    /// the end of quiet hours, or the next free slot of its number's hour). Rows written before this column existed
    /// have only <see cref="SendingSince"/>; <see cref="LookAgainAt"/> reads them.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>
    /// Set for a text sent at once (a WFI text, an answer to a parent's text), which stays in the bucket it was written to:
    /// its bucket and row key (<see cref="TextRef.MessageId"/>), fixed when it was written. Null for the rest, planned
    /// texts that may move to another bucket, whose provider id is their current place.
    /// </summary>
    public string? MessageId { get; set; }

    /// <summary>
    /// <see cref="TextLanes.Interactive"/> for a text a person is waiting for right now (it goes on its own queue), else
    /// null: the bulk lane of reminders and alerts.
    /// </summary>
    public string? Lane { get; set; }

    /// <summary>For a WFI text: the office and invitation it is about.</summary>
    public string? OfficeId { get; set; }

    /// <summary>For a WFI text: the invitation it is about.</summary>
    public string? InvitationId { get; set; }

    /// <summary>
    /// When the request that caused an interactive text arrived (a booking, a parent's text): the load run measures
    /// from here to the provider's acceptance.
    /// </summary>
    public DateTimeOffset? RequestedAt { get; set; }

    public int Attempts { get; set; }

    public string? Provider { get; set; }

    public string? ProviderMessageId { get; set; }

    public int? Fragments { get; set; }

    public string? Encoding { get; set; }

    /// <summary>
    /// GBP, fragments times Sms:PricePerFragment when the provider accepted it. A double because Table
    /// storage has no decimal type; the cost report sums it as decimal rounded to 6 places.
    /// </summary>
    public double? Cost { get; set; }

    /// <summary>The number it went to (E.164); personal data, kept for the retention period only.</summary>
    public string? To { get; set; }

    /// <summary>The last provider or transport error, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>The text as sent; personal data, kept for the retention period only.</summary>
    public string? Body { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Set when the provider reported a second message for this text (a receipt naming a provider message id
    /// other than the one recorded): after an ambiguous send the parent may have been texted twice.
    /// </summary>
    public bool DuplicateSuspected { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>For failed: the provider's status (temporary-failure, permanent-failure, technical-failure).</summary>
    public string? FailureReason { get; set; }

    /// <summary>For cancelled: why (appointment-rescheduled, appointment-cancelled, no-consent, appointment-started...).</summary>
    public string? CancelReason { get; set; }

    /// <summary>For a vacancy alert: the vacancies it is about (JSON list of ref and distance).</summary>
    public string? AlertItems { get; set; }

    /// <summary>For a vacancy digest: the London date (yyyy-MM-dd) whose digest it is.</summary>
    public string? DigestDate { get; set; }

    /// <summary>
    /// The provider deliveries (a status callback's provider, message sid and status) about this text once tried, one a
    /// line, the last <see cref="ReceiptsKept"/>: written in the same ETag-checked write as the move they make, so a
    /// delivery is acted on and remembered at once, and its replay is found by the read that applies it (<see cref="DeliveryReceipts"/>).
    /// </summary>
    public string? Receipts { get; set; }

    /// <summary>More than any provider reports for one message (Twilio: queued, sending, sent, then a final status).</summary>
    public const int ReceiptsKept = 8;

    public static string IdFor(string appointmentId, int version, string kind) => $"{appointmentId}-v{version}-{kind}";

    [IgnoreDataMember]
    [JsonIgnore]
    public TextRef Ref => new(PartitionKey, RowKey);

    /// <summary>The id the providers know this text by.</summary>
    [IgnoreDataMember]
    [JsonIgnore]
    public string ProviderId => MessageId ?? Ref.MessageId;

    /// <summary>When a sending text may be looked at again: <see cref="NextAttemptAt"/>, or for an older row its lease's end.</summary>
    public DateTimeOffset? LookAgainAt(TimeSpan lease) => NextAttemptAt ?? SendingSince + lease;

    /// <summary>scheduled → queued: the dispatch tick put it on the send queue.</summary>
    public void MarkQueued(DateTimeOffset now) => Move(TextStates.Queued, now);

    /// <summary>queued → scheduled: deferred to the end of quiet hours, which falls in the minute it is filed under.</summary>
    public void ReturnToSchedule(DateTimeOffset now) => Move(TextStates.Scheduled, now);

    /// <summary>
    /// The same text filed under a later due minute (deferred to the end of quiet hours), scheduled there; the caller
    /// adds it and deletes this row. Everything it was written with goes along.
    /// </summary>
    public TextEntity DeferredCopy(string bucket, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (!TextStates.IsPending(State))
        {
            throw Refused(TextStates.Scheduled);
        }

        return new TextEntity
        {
            PartitionKey = bucket,
            RowKey = RowKey,
            AppointmentId = AppointmentId,
            AppointmentVersion = AppointmentVersion,
            ParentId = ParentId,
            Kind = Kind,
            DueAt = dueAt,
            State = TextStates.Scheduled,
            StateChangedAt = now,
            AlertItems = AlertItems,
            DigestDate = DigestDate,
            MessageId = MessageId,
            Lane = Lane,
            OfficeId = OfficeId,
            InvitationId = InvitationId,
            RequestedAt = RequestedAt,
            To = To,
            Body = Body,
        };
    }

    /// <summary>scheduled or queued → cancelled: a send-time check failed, or the appointment changed.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (!TextStates.IsPending(State))
        {
            throw Refused(TextStates.Cancelled);
        }

        Move(TextStates.Cancelled, now);
        CancelReason = reason;
    }

    /// <summary>sending → cancelled: every provider that can be asked said it never took it, so it is as good as unsent.</summary>
    public void CancelNeverAccepted(string reason, DateTimeOffset now)
    {
        if (State != TextStates.Sending)
        {
            throw Refused(TextStates.Cancelled);
        }

        Move(TextStates.Cancelled, now);
        CancelReason = reason;
        SendingSince = null;
        NextAttemptAt = null;
    }

    /// <summary>scheduled or queued → sending: the first attempt, to this number with this body, held for <paramref name="lease"/>.</summary>
    public void BeginSending(string to, string body, DateTimeOffset now, TimeSpan lease)
    {
        if (!TextStates.IsPending(State))
        {
            throw Refused(TextStates.Sending);
        }

        Move(TextStates.Sending, now);
        To = to;
        Body = body;
        StartAttempt(now, lease);
    }

    /// <summary>A repeat of a send no provider took: still sending, under the same id, a new attempt.</summary>
    public void BeginRepeat(DateTimeOffset now, TimeSpan lease)
    {
        if (State != TextStates.Sending)
        {
            throw new InvalidOperationException($"Text {RowKey} is {State}: only a text sending can be sent again.");
        }

        StartAttempt(now, lease);
    }

    /// <summary>A text sending is left alone until <paramref name="at"/> (a backoff, quiet hours, its number's hour, an unknown outcome).</summary>
    public void LookAgainOn(DateTimeOffset at, string? error = null)
    {
        if (State != TextStates.Sending)
        {
            throw new InvalidOperationException($"Text {RowKey} is {State}: only a text sending waits for another look.");
        }

        NextAttemptAt = at;
        LastError = error ?? LastError;
    }

    /// <summary>sending (or sent) → the state of the provider's answer, with what it said and cost.</summary>
    public void Record(SmsSendResult result, decimal pricePerFragment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var state = TextStates.For(result.Status);
        Move(state, now);
        Provider = result.Provider;
        ProviderMessageId = result.ProviderMessageId;
        Fragments = result.Fragments;
        Cost = (double)Costs.SmsPrice.Of(result.Fragments, pricePerFragment);
        Encoding = result.Encoding.ToString();
        SentAt = result.AcceptedAt;
        SendingSince = null;
        NextAttemptAt = null;
        CompletedAt = TextStates.IsFinal(state) ? now : null;
        FailureReason = state == TextStates.Failed ? result.Status.ToWire() : null;
    }

    /// <summary>sending or sent → the state of a provider's delivery receipt.</summary>
    public void ApplyReceipt(SmsDeliveryStatus status, string provider, string? providerMessageId, DateTimeOffset now, string? delivery = null)
    {
        var state = TextStates.For(status);
        Move(state, now);
        if (delivery is not null)
        {
            RememberReceipt(delivery);
        }

        Provider ??= provider;
        ProviderMessageId ??= providerMessageId;
        SendingSince = null;
        NextAttemptAt = null;
        SentAt ??= now;
        if (TextStates.IsFinal(state))
        {
            CompletedAt = now;
            FailureReason = state == TextStates.Failed ? status.ToWire() : null;
        }
    }

    /// <summary>A provider's delivery about this text, kept so that its replay is found (<see cref="Receipts"/>).</summary>
    public void RememberReceipt(string delivery) => Receipts = string.Join('\n', ReceiptLines().Append(delivery).TakeLast(ReceiptsKept));

    /// <summary>Whether the delivery (<see cref="RememberReceipt"/>'s key) came before.</summary>
    public bool HasReceipt(string delivery) => ReceiptLines().Contains(delivery, StringComparer.Ordinal);

    /// <summary>A copy of the row as it is now (every column is a string or a value, so a shallow copy shares nothing that changes).</summary>
    public TextEntity Copy() => (TextEntity)MemberwiseClone();

    private string[] ReceiptLines() => Receipts is { Length: > 0 } lines ? lines.Split('\n') : [];

    /// <summary>sending → failed, technical-failure: every provider kept failing it for the retry period.</summary>
    public void FailTechnically(string error, DateTimeOffset now)
    {
        Move(TextStates.Failed, now);
        FailureReason = SmsDeliveryStatus.TechnicalFailure.ToWire();
        LastError = error;
        CompletedAt = now;
        SendingSince = null;
        NextAttemptAt = null;
    }

    private void StartAttempt(DateTimeOffset now, TimeSpan lease)
    {
        Attempts++;
        SendingSince = now;
        NextAttemptAt = now + lease;
    }

    private void Move(string state, DateTimeOffset now)
    {
        if (!TextStates.CanMove(State, state))
        {
            throw Refused(state);
        }

        State = state;
        StateChangedAt = now;
    }

    private InvalidOperationException Refused(string to) => new($"Text {RowKey} cannot move from {State} to {to}.");
}
