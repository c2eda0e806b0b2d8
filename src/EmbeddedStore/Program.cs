Console.Error.WriteLine("Embedded store: not built yet.");
