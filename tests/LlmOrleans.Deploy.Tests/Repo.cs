namespace LlmOrleans.Deploy.Tests;

/// <summary>The repository these tests check: its root is the folder that holds LlmOrleans.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LlmOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LlmOrleans.sln above {AppContext.BaseDirectory}.");
    }
}
