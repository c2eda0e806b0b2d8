Console.Error.WriteLine("AppHost: not built yet.");
