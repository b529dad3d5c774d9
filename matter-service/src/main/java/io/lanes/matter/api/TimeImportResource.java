package io.lanes.matter.api;

import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.ledes.NotLedes;
import io.lanes.matter.service.TimeImport;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Time from the firm's billing system, as the LEDES 1998B files every billing system exports. */
@Path("/time-imports")
@Tag(name = "Time imports", description = "LEDES 1998B files of billing-system time, recorded as time entries")
@RolesAllowed({Roles.PM, Roles.ADMIN})
public class TimeImportResource {

    public static final String LEDES = "application/vnd.ledes.1998b";

    private final TimeImport imports;
    private final int maxBytes;
    private final Callers callers;

    public TimeImportResource(TimeImport imports, MatterConfig config, Callers callers) {
        this.imports = imports;
        this.callers = callers;
        this.maxBytes = config.ledes().maxImportBytes();
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, LEDES})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a LEDES 1998B file: each fee line (F) becomes time-recorded on the matter whose number "
                    + "or billing id is its LAW_FIRM_MATTER_ID; expenses and invoice adjustments are skipped",
            description =
                    "Good lines are recorded, bad ones named by line and field in errors. A line is identified by "
                            + "LAW_FIRM_ID, INVOICE_NUMBER and LINE_ITEM_NUMBER: importing a file again counts its lines as "
                            + "duplicates. lines = imported + duplicates + skipped + rejected. A matter the caller may "
                            + "not see (another team's, or screened from them) is an unknown matter.")
    @APIResponse(responseCode = "200", description = "What became of each line")
    @APIResponse(
            responseCode = "400",
            description = "Not a LEDES 1998B file (empty, binary, wrong first lines): nothing recorded")
    @APIResponse(responseCode = "413", description = "Over lanes.matter.ledes.max-import-bytes: nothing recorded")
    public Uni<TimeImport.Report> importFile(byte[] file) {
        if (file == null || file.length == 0) {
            throw notLedes("The file is empty");
        }
        if (file.length > maxBytes) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The file has " + file.length + " bytes; imports take at most " + maxBytes,
                    List.of(new FieldError("file", "at most " + maxBytes + " bytes", "import-size")),
                    Map.of("fileBytes", file.length, "maxImportBytes", maxBytes));
        }
        try {
            return imports.importFile(file, callers.current());
        } catch (NotLedes e) {
            throw notLedes(e.getMessage());
        }
    }

    private static ProblemException notLedes(String detail) {
        return new ProblemException(
                ProblemType.MALFORMED_REQUEST,
                detail,
                List.of(new FieldError("file", detail, "ledes-1998b")),
                Map.of());
    }
}
