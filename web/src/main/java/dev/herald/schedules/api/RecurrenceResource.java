package dev.herald.schedules.api;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.schedules.boundary.RecurrenceInput;
import dev.herald.schedules.boundary.RecurrencePreview;
import dev.herald.schedules.boundary.ScheduleService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a timetable would do, before anything is saved. */
@Tag(name = "Recurrence", description = "What a timetable would do, before anything is saved.")
@Path("recurrence")
public class RecurrenceResource {

    /**
     * The body of a preview: the timetable, the instant after which to list runs (default now), how
     * many (1–500, default 10), and optionally the schedule's name, from which BEFORE_8AM picks its
     * minute.
     */
    public record PreviewRequest(RecurrenceInput recurrence, String after, Integer count, String scheduleName) {}

    @Inject
    ScheduleService schedules;

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The next runs of a timetable, in UTC, strictly after 'after'")
    public RecurrencePreview preview(PreviewRequest body) {
        if (body == null) {
            throw ValidationException.of("recurrence", "Send a JSON object with the recurrence to preview.");
        }
        return schedules.preview(body.recurrence(), body.scheduleName(), after(body.after()), body.count());
    }

    private static Instant after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(after.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(
                    "after", "'" + after + "' is not an instant; write it like 2026-03-01T00:00:00Z.");
        }
    }
}
