package com.jadecrane.windows;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.jadecrane.jobs.StepProgress;
import com.jadecrane.windows.SeatPlan.Decision;
import com.jadecrane.windows.SeatPlan.Reason;

/**
 * Decides each chunk of queued entries against the {@link SeatPlan} and writes the result in the
 * chunk's transaction: the allocations (one statement; the database triggers count the seats and
 * its check refuses overbooking) and one outcome row per entry. The decision is made here rather
 * than in a processor because a chunk may have to be decided again: when another run or an ops
 * override took seats meanwhile, the database refuses the chunk, the writer rolls back to a
 * savepoint, reloads the free seats and decides the chunk anew. A dry run writes outcome rows only.
 */
class SeatAllocationWriter implements ItemStreamWriter<QueuedEntry>, StepExecutionListener {

    static final String NAME = "seatAllocationWriter";

    private static final Logger log = LoggerFactory.getLogger(SeatAllocationWriter.class);
    private static final int ATTEMPTS = 5;
    private static final String POSITION = NAME + ".position";
    private static final String ALLOCATED = NAME + ".allocated";
    /** Followed by the reason: the entries left without a seat for it. */
    private static final String UNALLOCATED = NAME + ".unallocated.";

    private static final String INSERT_ALLOCATIONS = """
            insert into window_allocation (entry_id, window_id, status, allocated_by, job_execution_id)
            select entry_id, window_id, 'HELD', :actor, :run
            from unnest(cast(:entries as bigint[]), cast(:windows as bigint[])) as seat (entry_id, window_id)
            on conflict (entry_id) where status in ('HELD', 'CONFIRMED') do nothing
            returning entry_id""";

    private static final String COPY_OUTCOMES = """
            copy allocation_outcome (job_execution_id, queue_position, entry_id, window_id, reason) from stdin""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate savepoint;
    private final ApplicationEventPublisher events;
    private final AllocationSettings settings;
    private SeatPlan plan;
    private int position;
    private long allocated;
    /** Counted as they are recorded, so the step's summary needs no pass over a million outcome rows. */
    private final Map<Reason, Long> unallocated = new EnumMap<>(Reason.class);

    SeatAllocationWriter(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, AllocationSettings settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
        this.settings = settings;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jdbc.sql("""
                insert into allocation_run (job_execution_id, dry_run, run_at, minimum_notice_seconds)
                values (?, ?, ?, ?) on conflict (job_execution_id) do nothing""")
                .params(settings.jobExecutionId(), settings.dryRun(), utc(settings), settings.minimumNotice().toSeconds())
                .update();
        plan = SeatPlan.load(jdbc, settings.earliestStart(), settings.runAt());
        long waiting = jdbc.sql("""
                select (select count(*) from waitlist_entry where status = 'ACTIVE')
                     - (select count(*) from window_allocation a where """ + AllocationQueueReader.HOLDS_SEAT + ")")
                .param("runAt", utc(settings)).query(Long.class).single();
        StepProgress.expectTotal(stepExecution, Math.max(0, waiting));
    }

    @Override
    public void open(ExecutionContext context) {
        position = context.getInt(POSITION, 0);
        allocated = context.getLong(ALLOCATED, 0L);
        unallocated.clear();
        for (Reason reason : Reason.values()) {
            long entries = context.getLong(UNALLOCATED + reason.name(), 0L);
            if (entries > 0) {
                unallocated.put(reason, entries);
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(POSITION, position);
        context.putLong(ALLOCATED, allocated);
        unallocated.forEach((reason, entries) -> context.putLong(UNALLOCATED + reason.name(), entries));
    }

    @Override
    public void write(Chunk<? extends QueuedEntry> chunk) {
        List<? extends QueuedEntry> entries = chunk.getItems();
        if (settings.dryRun()) {
            record(decide(entries));
            return;
        }
        for (int attempt = 1;; attempt++) {
            List<Decision> decisions = decide(entries);
            try {
                savepoint.executeWithoutResult(status -> writeAllocations(decisions));
                return;
            }
            catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
                // seats went elsewhere since the plan was loaded: decide this chunk again on fresh counts
                decisions.stream().filter(d -> d.window() != null).forEach(d -> plan.giveBack(d.window()));
                if (attempt == ATTEMPTS) {
                    throw ex;
                }
                log.info("Seats changed under allocation run {}; deciding the chunk again ({})", settings.jobExecutionId(),
                        ex.getMostSpecificCause().getMessage());
                plan.reload(jdbc, settings.runAt());
            }
        }
    }

    private List<Decision> decide(List<? extends QueuedEntry> entries) {
        List<Decision> decisions = new ArrayList<>(entries.size());
        for (QueuedEntry entry : entries) {
            decisions.add(plan.decide(entry));
        }
        return decisions;
    }

    /** Writes the seats; an entry seated meanwhile by someone else keeps that seat and gets no outcome. */
    private void writeAllocations(List<Decision> decisions) {
        List<Decision> seated = decisions.stream().filter(d -> d.window() != null).toList();
        Set<Long> written = new HashSet<>();
        if (!seated.isEmpty()) {
            written.addAll(jdbc.sql(INSERT_ALLOCATIONS).param("actor", settings.actor()).param("run", settings.jobExecutionId())
                    .param("entries", seated.stream().mapToLong(d -> d.entry().id()).toArray())
                    .param("windows", seated.stream().mapToLong(d -> d.window().id).toArray())
                    .query(Long.class).list());
        }
        List<Decision> kept = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            if (decision.window() != null && !written.contains(decision.entry().id())) {
                plan.giveBack(decision.window());
            }
            else {
                kept.add(decision);
            }
        }
        record(kept);
    }

    /** One outcome row per decision, streamed with COPY on the chunk's own connection (up to a million rows a run). */
    private void record(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(decisions.size() * 40);
        for (Decision decision : decisions) {
            rows.append(settings.jobExecutionId()).append('\t').append(++position).append('\t').append(decision.entry().id())
                    .append('\t');
            if (decision.window() == null) {
                rows.append("\\N\t").append(decision.reason().name()).append('\n');
                unallocated.merge(decision.reason(), 1L, Long::sum);
            }
            else {
                rows.append(decision.window().id).append("\t\\N\n");
                allocated++;
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_OUTCOMES, new StringReader(rows.toString()));
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Could not record the outcomes of allocation run " + settings.jobExecutionId(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long released = jdbc.sql("select holds_released from allocation_run where job_execution_id = ?")
                .param(settings.jobExecutionId()).query(Long.class).single();
        long unallocatedTotal = unallocated.values().stream().mapToLong(Long::longValue).sum();
        jdbc.sql("update allocation_run set allocated = ?, unallocated = ?, finished_at = now() where job_execution_id = ?")
                .params(allocated, unallocatedTotal, settings.jobExecutionId()).update();
        if (stepExecution.getStatus().isUnsuccessful()) {
            return stepExecution.getExitStatus();
        }
        events.publishEvent(new AllocationRunCompleted(settings.jobExecutionId(), settings.dryRun(), allocated,
                unallocatedTotal, released));
        return stepExecution.getExitStatus().addExitDescription((settings.dryRun() ? "dry run, nothing changed: would allocate "
                : "allocated ") + allocated + ", left without a seat " + unallocatedTotal + (unallocated.isEmpty() ? "" : " " + unallocated));
    }

    private static OffsetDateTime utc(AllocationSettings settings) {
        return settings.runAt().atOffset(ZoneOffset.UTC);
    }
}
