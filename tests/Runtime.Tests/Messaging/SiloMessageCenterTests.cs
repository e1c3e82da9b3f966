using System.Diagnostics;
using System.Net;
using System.Text;
using Actors.Runtime.Messaging;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Messaging;

[Trait("Category", "Unit")]
public sealed class SiloMessageCenterTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_IsAnsweredWithCorrelatedResponse()
    {
        using var server = TestCenters.Start(handler: TestCenters.Echo);
        using var client = TestCenters.Start();
        var request = TestCenters.Request(server.LocalSilo, "hello");

        var response = await client.SendRequestAsync(request, Long, Ct);

        Assert.Equal(ResponseKind.Success, response.Result);
        Assert.Equal(MessageDirection.Response, response.Direction);
        Assert.Equal(request.Id, response.Id);
        Assert.Equal("hello", TestCenters.Text(response));
        Assert.Equal(client.LocalSilo, request.SendingSilo);
        Assert.NotEqual(0, request.DeadlineUnixMs);
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task ConcurrentRequests_AllAnsweredWithTheirOwnResponse()
    {
        using var server = TestCenters.Start(handler: TestCenters.Echo);
        using var client = TestCenters.Start();

        var calls = Enumerable.Range(0, 10_000)
            .Select(async i => (i, response: await client.SendRequestAsync(TestCenters.Request(server.LocalSilo, i.ToString()), Long, Ct)))
            .ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, result => Assert.Equal(result.i.ToString(), TestCenters.Text(result.response)));
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task BothDirections_ShareNothingButWork()
    {
        using var a = TestCenters.Start(handler: TestCenters.Echo);
        using var b = TestCenters.Start(handler: TestCenters.Echo);

        var ab = await a.SendRequestAsync(TestCenters.Request(b.LocalSilo, "a->b"), Long, Ct);
        var ba = await b.SendRequestAsync(TestCenters.Request(a.LocalSilo, "b->a"), Long, Ct);

        Assert.Equal("a->b", TestCenters.Text(ab));
        Assert.Equal("b->a", TestCenters.Text(ba));
    }

    [Fact]
    public async Task Streaming_YieldsItemsUntilStreamEnd()
    {
        using var server = TestCenters.Start(handler: (request, sink) =>
        {
            for (var i = 0; i < 5; i++)
            {
                sink.SendStreamItem(Encoding.UTF8.GetBytes(i.ToString()));
            }
            sink.CompleteStream();
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();

        var items = new List<string>();
        await foreach (var item in client.SendStreamingRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromSeconds(10), Ct))
        {
            Assert.Equal(ResponseKind.StreamItem, item.Result);
            items.Add(TestCenters.Text(item));
        }

        Assert.Equal(["0", "1", "2", "3", "4"], items);
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task Streaming_ConsumerStopsEarly_ProducerIsCancelled()
    {
        var producerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = TestCenters.Start(handler: (request, sink) =>
        {
            _ = Task.Run(async () =>
            {
                var i = 0;
                while (!sink.Cancelled.IsCancellationRequested)
                {
                    sink.SendStreamItem(Encoding.UTF8.GetBytes((i++).ToString()));
                    await Task.Delay(10, CancellationToken.None);
                }
                producerCancelled.TrySetResult();
            });
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();

        var received = 0;
        await foreach (var item in client.SendStreamingRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromSeconds(10), Ct))
        {
            if (++received == 3)
            {
                break;
            }
        }

        await producerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(3, received);
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task Streaming_ConsumerCancellationToken_StopsProducer()
    {
        var producerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = TestCenters.Start(handler: (request, sink) =>
        {
            sink.SendStreamItem([1]);
            sink.Cancelled.Register(() => producerCancelled.TrySetResult());
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in client.SendStreamingRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromSeconds(10), cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        await producerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Streaming_NoItemWithinItemTimeout_ThrowsTimeout()
    {
        using var server = TestCenters.Start(handler: (_, _) => ValueTask.CompletedTask);
        using var client = TestCenters.Start();

        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var item in client.SendStreamingRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromMilliseconds(300), Ct))
            {
                Assert.Fail("no item expected");
            }
        });
    }

    [Fact]
    public async Task Request_NoAnswer_TimesOutAtTheDeadline()
    {
        using var server = TestCenters.Start(handler: (_, _) => ValueTask.CompletedTask);
        using var client = TestCenters.Start();
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromMilliseconds(300), Ct));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task Request_CallerCancels_TaskIsCancelled()
    {
        using var server = TestCenters.Start(handler: (_, _) => ValueTask.CompletedTask);
        using var client = TestCenters.Start();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, cts.Token));

        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task WrongSecret_IsRefusedAndNothingDelivered()
    {
        var delivered = 0;
        var logger = new CapturingLogger<SiloMessageCenter>();
        using var server = TestCenters.Start(logger: logger, handler: (request, sink) =>
        {
            Interlocked.Increment(ref delivered);
            return TestCenters.Echo(request, sink);
        });
        using var client = TestCenters.Start(secret: Encoding.ASCII.GetBytes("not-the-cluster-secret-012345678"));

        await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct));
        client.SendOneWay(TestCenters.Request(server.LocalSilo));

        await Eventually.WaitAsync("the refusal to be logged", () => logger.Contains("Refused connection"), TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref delivered));
    }

    [Fact]
    public async Task WrongClusterId_IsRefused()
    {
        var delivered = 0;
        var logger = new CapturingLogger<SiloMessageCenter>();
        using var server = TestCenters.Start(logger: logger, handler: (request, sink) =>
        {
            Interlocked.Increment(ref delivered);
            return TestCenters.Echo(request, sink);
        });
        using var client = TestCenters.Start(clusterId: "another-cluster");

        var exception = await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct));

        Assert.Contains("cluster id", exception.Message, StringComparison.Ordinal);
        await Eventually.WaitAsync("the refusal to be logged", () => logger.Contains("cluster id 'another-cluster'"), TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref delivered));
    }

    [Fact]
    public async Task PeerReportedDead_IsRefusedAtThePreamble()
    {
        SiloAddress? deadClient = null;
        using var server = TestCenters.Start(isDead: silo => silo.Equals(deadClient), handler: TestCenters.Echo);
        using var client = TestCenters.Start();
        deadClient = client.LocalSilo;

        var exception = await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct));

        Assert.Contains("dead", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetOfAnotherGeneration_FailsWithoutDelivery()
    {
        var delivered = 0;
        using var server = TestCenters.Start(handler: (request, sink) =>
        {
            Interlocked.Increment(ref delivered);
            return TestCenters.Echo(request, sink);
        });
        using var client = TestCenters.Start();
        var older = server.LocalSilo with { Generation = server.LocalSilo.Generation - 1 };

        await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(older), Long, Ct));

        Assert.Equal(0, Volatile.Read(ref delivered));
    }

    [Fact]
    public async Task MarkSiloDead_FailsPendingCallsAtOnce()
    {
        var received = 0;
        using var server = TestCenters.Start(handler: (_, _) =>
        {
            Interlocked.Increment(ref received);
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();
        var calls = Enumerable.Range(0, 20).Select(_ => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct)).ToArray();
        await Eventually.WaitAsync("the server to receive all requests", () => Volatile.Read(ref received) == 20, TimeSpan.FromSeconds(10));

        var watch = Stopwatch.StartNew();
        client.MarkSiloDead(server.LocalSilo);
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<SiloUnavailableException>(() => call);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"pending calls took {watch.Elapsed} to fail");
        await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct));
        Assert.Equal(0, client.PendingCallCount);
    }

    [Fact]
    public async Task BlockPeer_CutsTraffic_UnblockRestoresIt()
    {
        using var server = TestCenters.Start(handler: TestCenters.Echo);
        using var client = TestCenters.Start();
        await client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct);

        client.BlockPeer(server.LocalSilo);
        await Assert.ThrowsAnyAsync<Exception>(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromSeconds(2), Ct));
        client.UnblockPeer(server.LocalSilo);
        var restored = await client.SendRequestAsync(TestCenters.Request(server.LocalSilo, "back"), Long, Ct);

        Assert.Equal("back", TestCenters.Text(restored));
    }

    [Fact]
    public async Task BlockPeer_OnTheReceivingSide_RefusesTheSender()
    {
        using var server = TestCenters.Start(handler: TestCenters.Echo);
        using var client = TestCenters.Start();
        await client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct);

        server.BlockPeer(client.LocalSilo);
        var failure = await Record.ExceptionAsync(() => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), TimeSpan.FromSeconds(2), Ct));
        server.UnblockPeer(client.LocalSilo);

        Assert.True(failure is SiloUnavailableException or TimeoutException, $"unexpected {failure}");
        await Eventually.WaitAsync("traffic to flow again", async () =>
        {
            try
            {
                return TestCenters.Text(await client.SendRequestAsync(TestCenters.Request(server.LocalSilo, "back"), TimeSpan.FromSeconds(2), Ct)) == "back";
            }
            catch (SiloUnavailableException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PeerGoesAway_PendingCallsFailWithSiloUnavailable()
    {
        var received = 0;
        var server = TestCenters.Start(handler: (_, _) =>
        {
            Interlocked.Increment(ref received);
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();
        var calls = Enumerable.Range(0, 5).Select(_ => client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct)).ToArray();
        await Eventually.WaitAsync("the server to receive all requests", () => Volatile.Read(ref received) == 5, TimeSpan.FromSeconds(10));

        await server.DisposeAsync();

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<SiloUnavailableException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        }
    }

    [Fact]
    public async Task Dispose_FailsOwnPendingCalls()
    {
        using var server = TestCenters.Start(handler: (_, _) => ValueTask.CompletedTask);
        var client = TestCenters.Start();
        var call = client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct);

        client.Dispose();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => call.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Throws<ObjectDisposedException>(() => client.SendOneWay(TestCenters.Request(server.LocalSilo)));
    }

    [Fact]
    public async Task ExpiredMessage_IsDroppedOnReceipt()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = TestCenters.Start(handler: (message, _) =>
        {
            seen.Enqueue(TestCenters.Text(message));
            return ValueTask.CompletedTask;
        });
        using var client = TestCenters.Start();
        var expired = TestCenters.Request(server.LocalSilo, "expired");
        expired.DeadlineUnixMs = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds();

        client.SendOneWay(expired);
        client.SendOneWay(TestCenters.Request(server.LocalSilo, "fresh"));

        await Eventually.WaitAsync("the fresh message", () => seen.Contains("fresh"), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("expired", seen);
    }

    [Fact]
    public async Task HandlerThrows_CallerGetsRejection()
    {
        using var server = TestCenters.Start(handler: (_, _) => throw new InvalidOperationException("boom"));
        using var client = TestCenters.Start();

        var response = await client.SendRequestAsync(TestCenters.Request(server.LocalSilo), Long, Ct);

        Assert.Equal(ResponseKind.Rejection, response.Result);
        Assert.Contains("boom", TestCenters.Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_ErrorNamesEachField()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SiloMessageCenter(new SiloMessageCenterOptions
        {
            LocalSilo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 0), 1),
            ClusterId = "",
            ClusterSecret = [1, 2, 3],
            ConnectTimeout = TimeSpan.Zero,
        }));

        Assert.Contains("ClusterId", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ClusterSecret", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableSilo_FailsFast()
    {
        using var client = TestCenters.Start();
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<SiloUnavailableException>(() => client.SendRequestAsync(TestCenters.Request(new SiloAddress(new IPEndPoint(IPAddress.Loopback, port), 1)), Long, Ct));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
