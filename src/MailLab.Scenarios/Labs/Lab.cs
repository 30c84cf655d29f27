namespace MailLab.Scenarios.Labs;

/// <summary>
/// One lab of courseware/labs/&lt;id&gt;/ as lab.yaml describes it (courseware/README.md, "The lab
/// format"): the slide it belongs to, its titles, its starting topology and its tasks.
/// </summary>
public sealed record Lab(
    string Id,
    int Slide,
    string SlideTitle,
    LocalText Title,
    int Minutes,
    string Folder,
    string TopologyPath,
    IReadOnlyList<LabTask> Tasks)
{
    /// <summary>The instructions in a language, as Markdown (the lab folder holds a Russian and an English file).</summary>
    public string Instructions(string? language) =>
        File.ReadAllText(Path.Combine(Folder, LabLanguage.Of(language) + ".md"));
}

/// <summary>One thing the student must achieve, and the scenario <c>Then</c> step that checks it.</summary>
public sealed record LabTask(string Id, LocalText Text, string Check);
