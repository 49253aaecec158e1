namespace LlmOrleans.Deploy.Tests;

/// <summary>One instruction of a Dockerfile, with the build stage it belongs to (0 = first FROM).</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage);

/// <summary>A Dockerfile of deploy/, read line by line (the files use no line continuations).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerInstruction> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int FinalStage => Instructions.Max(i => i.Stage);

    public IEnumerable<DockerInstruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public IEnumerable<string> All(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    public static Dockerfile Load(string relative)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        foreach (var raw in Repo.Read(relative).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            Assert.False(line.EndsWith('\\'), $"{relative}: line continuations are not expected: {line}");
            var space = line.IndexOf(' ');
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }

        return new Dockerfile(relative, instructions);
    }
}
