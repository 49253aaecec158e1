using System.Reflection;
using System.Runtime.InteropServices;

namespace LlmOrleans.LocalInfra;

/// <summary>
/// P/Invoke surface of librdkafka's mock cluster API (rdkafka_mock.h), bound to the same native
/// librdkafka that Confluent.Kafka has loaded.
/// </summary>
internal static unsafe partial class LibRdKafkaMock
{
    private const string LibraryName = "librdkafka";

    internal const int RdKafkaProducer = 0;
    internal const int ConfOk = 0;
    internal const int ErrNoError = 0;
    internal const int ErrTopicAlreadyExists = 36;

    static LibRdKafkaMock() => NativeLibrary.SetDllImportResolver(typeof(LibRdKafkaMock).Assembly, Resolve);

    [LibraryImport(LibraryName)]
    internal static partial nint rd_kafka_conf_new();

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_conf_destroy(nint conf);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_conf_set(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    internal static partial nint rd_kafka_new(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(LibraryName)]
    internal static partial nint rd_kafka_err2str(int err);

    [LibraryImport(LibraryName)]
    internal static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_mock_cluster_destroy(nint mcluster);

    [LibraryImport(LibraryName)]
    internal static partial nint rd_kafka_mock_cluster_bootstraps(nint mcluster);

    // Exported by the 2.16.0 binary but not declared in the rdkafka_mock.h we checked: (cluster, int32_t) from disassembly.
    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_mock_set_controller_id(nint mcluster, int brokerId);

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint mcluster, int delayMs);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_mock_topic_create(nint mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_mock_partition_delete_records(nint mcluster, string topic, int partition, long beforeOffset);

    internal static string ErrorText(int err) => Marshal.PtrToStringUTF8(rd_kafka_err2str(err)) ?? $"error {err}";

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName || !OperatingSystem.IsLinux())
        {
            // Windows and macOS have one librdkafka per RID, which default probing finds just as Confluent.Kafka does.
            return 0;
        }

        // Confluent.Kafka picks the build that loads on this distro (e.g. centos8-librdkafka.so on Debian 12,
        // where the generic one lacks libsasl2.so.3); binding to another copy would give two librdkafkas.
        _ = Confluent.Kafka.Library.Version;
        foreach (var path in LinuxCandidates())
        {
            if (NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }

    private static IEnumerable<string> LinuxCandidates()
    {
        if (File.Exists("/proc/self/maps"))
        {
            var loaded = File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var start and >= 0 ? line[start..] : string.Empty)
                .FirstOrDefault(path => path.EndsWith("librdkafka.so", StringComparison.Ordinal));
            if (loaded is not null)
            {
                yield return loaded;
            }
        }

        var rid = $"linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        var directory = Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native");
        yield return Path.Combine(directory, "librdkafka.so");
        yield return Path.Combine(directory, "centos8-librdkafka.so");
        yield return Path.Combine(directory, "alpine-librdkafka.so");
    }
}
