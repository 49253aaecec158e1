using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.ServiceDefaults;

/// <summary>Which Orleans cluster the silos and gateways form (<c>ORLEANS_CLUSTER_ID</c>, <c>ORLEANS_SERVICE_ID</c>).</summary>
public sealed class ClusterIdentityOptions
{
    /// <summary>Deployment id: silos and clients with the same id find each other.</summary>
    [Required]
    public string ClusterId { get; set; } = "llm-orleans";

    /// <summary>Service id: stable across deployments; prefixes every Redis key.</summary>
    [Required]
    public string ServiceId { get; set; } = "llm-orleans";
}
