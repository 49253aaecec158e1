namespace LlmOrleans.Grains;

/// <summary>What a finished job keeps in its stored state until the result expires (<c>JOB_RETENTION</c>).</summary>
public enum JobRetention
{
    /// <summary>Prompt and output (the default).</summary>
    Full,

    /// <summary>The output only: the prompt is dropped once the job has finished.</summary>
    Output,

    /// <summary>
    /// Neither prompt nor output: only status, error, attempts, timings and token counts. The output reaches the
    /// client only on the response topic.
    /// </summary>
    None,
}
