using System.Collections.Concurrent;

namespace LlmOrleans.ServiceDefaults.Redis;

/// <summary>
/// Sends items in groups: the items queued while one group is in flight go together as the next. Alone, an item is
/// a group of one and is sent at once, on the caller's thread; under load one command, one reply and one socket
/// wake-up carry many items. A slow server holds the next group back for <see cref="MaxWaitForGroup"/> at most.
/// A group holds up to <paramref name="maxItems"/> items and, past its first, up to <paramref name="maxWeight"/>
/// in all by <paramref name="weigh"/>. <paramref name="send"/> settles every item of its group, error or not.
/// </summary>
public sealed class CommandGroups<T>(Func<List<T>, Task> send, int maxItems, long maxWeight, Func<T, long> weigh)
{
    /// <summary>How long the next group waits for the one before it at most.</summary>
    public static readonly TimeSpan MaxWaitForGroup = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<T> _queue = new();
    private T? _carried;
    private bool _hasCarried;
    private int _sending;

    /// <summary>Queues <paramref name="item"/> for the next group.</summary>
    public void Enqueue(T item)
    {
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            // Runs on this thread up to its first wait, so an item alone goes out without a thread hand-off.
            _ = SendGroupsAsync();
        }
    }

    private async Task SendGroupsAsync()
    {
        while (true)
        {
            var group = TakeGroup();
            if (group.Count == 0)
            {
                Volatile.Write(ref _sending, 0);

                // An item queued between the empty take and the flag going down found the flag up: send it now.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            var sent = send(group);
            if (!sent.IsCompleted)
            {
                // Never back onto the first caller's scheduler (a grain's): the loop belongs to no caller.
                await Task.WhenAny(sent, Task.Delay(MaxWaitForGroup)).ConfigureAwait(false);
            }
        }
    }

    // Only the one running loop takes, so the item carried over from a full group needs no lock.
    private List<T> TakeGroup()
    {
        var group = new List<T>();
        var weight = 0L;
        if (_hasCarried)
        {
            group.Add(_carried!);
            weight = weigh(_carried!);
            _carried = default;
            _hasCarried = false;
        }

        while (group.Count < maxItems && _queue.TryDequeue(out var item))
        {
            var itemWeight = weigh(item);
            if (group.Count > 0 && weight + itemWeight > maxWeight)
            {
                _carried = item;
                _hasCarried = true;
                break;
            }

            group.Add(item);
            weight += itemWeight;
        }

        return group;
    }
}
