namespace MailLab.Web.Api;

/// <summary>GET /api/labs: the labs that loaded, in id order, and the problems of those that did not.</summary>
public sealed record LabListDto(string Folder, IReadOnlyList<LabSummaryDto> Labs, IReadOnlyList<string> Problems);

/// <summary>One lab in the list, its title in the asked language.</summary>
public sealed record LabSummaryDto(string Id, int Slide, string SlideTitle, string Title, int Minutes, int Tasks);

/// <summary>GET /api/labs/{id}: the lab with its instructions (Markdown) and tasks in the asked language.</summary>
public sealed record LabDto(string Id, int Slide, string SlideTitle, string Title, int Minutes, string Language, string Instructions, IReadOnlyList<LabTaskDto> Tasks);

/// <summary>One task: what to achieve, and the Then step that checks it.</summary>
public sealed record LabTaskDto(string Id, string Text, string Check);

/// <summary>POST /api/labs/{id}/start: the lab whose topology now runs, and the clock.</summary>
public sealed record LabStartedDto(string Lab, ClockDto Clock);
