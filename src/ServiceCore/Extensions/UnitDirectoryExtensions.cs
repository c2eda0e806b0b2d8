using Microsoft.Extensions.DependencyInjection;
using Samverkan.SharedKernel.Directory;

namespace Microsoft.Extensions.Hosting;

public static class UnitDirectoryExtensions
{
    // The unit directory as a singleton: the path under 'configurationKey' (absolute, or relative to
    // the content root), else the copy of deploy/directory/units.json the build puts next to the
    // binaries (<None Include="../../deploy/directory/units.json" Link="directory/units.json" ...>).
    public static TBuilder AddUnitDirectory<TBuilder>(this TBuilder builder, string configurationKey) where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration[configurationKey];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "directory", "units.json")
            : Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(_ => File.Exists(path)
            ? UnitDirectoryJson.Load(path)
            : throw new FileNotFoundException($"The unit directory was not found at {path} ({configurationKey}).", path));
        return builder;
    }
}
