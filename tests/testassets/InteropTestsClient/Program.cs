using InteropTestsClient;

InteropClientOptions options;
try
{
    options = InteropClientOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    using var client = new InteropClient(options);
    await client.RunAsync().WaitAsync(TimeSpan.FromSeconds(90));
}
catch (Exception e)
{
    // Any exception fails the case; the first line is the verdict, the rest is for whoever reads the test output.
    Console.Error.WriteLine($"FAIL: {options.TestCase}: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(e);
    return 1;
}

Console.WriteLine($"PASS: {options.TestCase}");
return 0;
