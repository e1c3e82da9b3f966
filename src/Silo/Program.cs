using Actors.Silo.Commands;

return await ActorsCommandLine.Build().Parse(args).InvokeAsync();
