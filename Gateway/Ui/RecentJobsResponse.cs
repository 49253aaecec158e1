namespace LlmOrleans.Gateway.Ui;

/// <summary>Body of <c>GET /ui/api/jobs/recent</c>: recently taken jobs, newest first.</summary>
public sealed record RecentJobsResponse(IReadOnlyList<RecentJobRow> Jobs);
