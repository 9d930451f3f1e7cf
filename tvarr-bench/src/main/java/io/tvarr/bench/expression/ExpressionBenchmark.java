package io.tvarr.bench.expression;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.source.SourceId;
import io.tvarr.expression.ChannelRecord;
import io.tvarr.expression.CompiledFilter;
import io.tvarr.expression.CompiledRule;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.Expressions;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Filter and mapping cost per channel over 100k realistic channels; the score is ns per record. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBenchmark {
    static final int CHANNELS = 100_000;
    private static final String[] GROUPS = {"UK | Sports", "UK | News", "US | Entertainment", "FR | Kids", "XXX Adult"};

    private ChannelRecord[] records;
    private Channel[] channels;
    private CompiledFilter filter;
    private CompiledRule rule;
    private final EvaluationContext context = new EvaluationContext();

    @Setup
    public void setUp() {
        Random random = new Random(1);
        SourceId source = SourceId.random();
        channels = new Channel[CHANNELS];
        records = new ChannelRecord[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            String group = GROUPS[random.nextInt(GROUPS.length)];
            String name =
                    group.substring(0, 2) + ": Channel " + i + (i % 3 == 0 ? " HD" : "") + (i % 7 == 0 ? " +1" : "");
            channels[i] = Channel.of(
                    source,
                    Integer.toString(i),
                    "ch" + i + ".example",
                    name,
                    Integer.toString(100 + i),
                    name,
                    group,
                    "http://logos.example/" + i + ".png",
                    "http://provider.example/live/u/p/" + i + ".ts",
                    Map.of("tvg-country", group.substring(0, 2)));
            records[i] = new ChannelRecord().load(channels[i], "Provider", "m3u", "http://provider.example/get.php");
        }
        filter = Expressions.filter(
                ExpressionDomain.STREAM_FILTER,
                "group_title contains \"sports\" OR (group_title starts_with \"uk\" AND channel_name not contains \"adult\""
                        + " AND channel_number > 150 AND stream_url ends_with \".ts\")");
        rule = Expressions.rule(
                ExpressionDomain.STREAM_MAPPING,
                "channel_name matches \"^(\\w\\w): (.*?)( \\+(\\d))?$\" SET tvg_country = \"$1\", tvg_name = \"$2\","
                        + " group_title = \"$1 channels\"");
    }

    @Benchmark
    @OperationsPerInvocation(CHANNELS)
    public int fiveClauseFilter() {
        int passed = 0;
        for (ChannelRecord record : records) {
            if (filter.matches(record, context)) {
                passed++;
            }
        }
        return passed;
    }

    @Benchmark
    @OperationsPerInvocation(CHANNELS)
    public int threeActionRegexMapping() {
        int matched = 0;
        ChannelRecord record = new ChannelRecord();
        for (Channel channel : channels) {
            record.load(channel, "Provider", "m3u", "http://provider.example/get.php");
            if (rule.apply(record, context)) {
                matched++;
            }
        }
        return matched;
    }
}
