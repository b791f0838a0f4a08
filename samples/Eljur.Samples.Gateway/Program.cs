using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Eljur.Gateway;

// The configuration file: "Gateway:Config" from appsettings / environment (Gateway__Config) /
// the command line (--Gateway:Config=gateway.json), or the first plain argument.
var builder = WebApplication.CreateBuilder(args);
var configFile = builder.Configuration["Gateway:Config"]
    ?? args.FirstOrDefault(a => !a.StartsWith('-'))
    ?? throw new InvalidOperationException("укажите файл конфигурации шлюза: --Gateway:Config=gateway.json");
builder.Services.AddGradebookGateway(configFile);
var app = builder.Build();
app.MapGradebookGateway();
app.Run();

/// <summary>The sample host (public so that WebApplicationFactory&lt;Program&gt; can start it in tests).</summary>
public partial class Program
{
}
