namespace Samverkan.TestSupport.Telemetry;

// One export request: its signal ("traces", "logs", "metrics"), the services it came from, and its bytes.
public sealed record ReceivedPayload(string Signal, IReadOnlyList<string> ServiceNames, byte[] Bytes);
