Console.WriteLine("Pilot local runner: not implemented yet");
