using Interop.Admin;

return await AdminCli.RunAsync(args, Console.Out, Console.Error);
