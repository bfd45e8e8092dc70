// Benchmarks land with the crypto core (issue #2); see docs/crypto.md for the figures.
Console.WriteLine("TuyaLite benchmarks: nothing to measure yet");
