using LlmOrleans.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddSiloHost();

var app = builder.Build();

app.MapSiloHost();

app.Run();
