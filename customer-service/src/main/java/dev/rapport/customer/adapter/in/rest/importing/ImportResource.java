package dev.rapport.customer.adapter.in.rest.importing;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.http.Cursors;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.application.port.in.importing.GetImportUseCase;
import dev.rapport.customer.application.port.in.importing.ListImportsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.application.port.in.importing.StartImportCommand;
import dev.rapport.customer.application.port.in.importing.StartImportUseCase;
import dev.rapport.customer.config.ImportConfig;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportNotFoundException;
import dev.rapport.customer.domain.importing.ImportTooLargeException;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemException;

@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of customers and purchases (CSV, NDJSON, Online Retail)")
public class ImportResource {

    static final String IMPORTS_CURSOR = "i1";
    /** rapport.import.max-bytes unless IMPORT_MAX_BYTES says otherwise: 200 MiB, uncompressed. */
    static final int DEFAULT_MAX_BYTES = 209_715_200;
    static final String BODY_LIMIT = "The file, at most rapport.import.max-bytes (IMPORT_MAX_BYTES, default 200 MiB) "
            + "once uncompressed; a character takes at least one byte";
    static final String MAPPING_HEADER = "Import-Mapping";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StartImportUseCase start;
    private final GetImportUseCase get;
    private final ListImportsUseCase list;
    private final Paging paging;
    private final ImportConfig config;

    ImportResource(StartImportUseCase start, GetImportUseCase get, ListImportsUseCase list, Paging paging,
                   ImportConfig config) {
        this.start = start;
        this.get = get;
        this.list = list;
        this.paging = paging;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start a bulk import (streamed body, answered 202)",
            description = "The body (text/csv, application/x-ndjson; gzip as Content-Encoding: gzip or "
                    + "Content-Type: application/gzip) is streamed to a spool file, the mapping is checked against "
                    + "the CSV header, then the job is queued and runs on the import worker. Poll the Location. "
                    + "Re-running the same file changes nothing (customers by externalId, purchases by orderId, "
                    + "returns by cancellation invoice + SKU). Events as for single writes: customer-registered, "
                    + "customer-updated, purchase-recorded, purchase-returned.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = BODY_LIMIT, maxLength = DEFAULT_MAX_BYTES),
                    examples = @ExampleObject(name = "online-retail", value = ApiExamples.IMPORT_ONLINE_RETAIL)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = BODY_LIMIT, maxLength = DEFAULT_MAX_BYTES),
                    examples = @ExampleObject(name = "ndjson", value = ApiExamples.IMPORT_NDJSON)) })
    @APIResponse(responseCode = "202", description = "Accepted and queued",
            headers = @Header(name = "Location", description = "URL of the job",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "queued", value = ApiExamples.IMPORT_QUEUED)))
    @APIResponse(responseCode = "400", description = "Unknown format, missing or wrong mapping (unknown target field, "
            + "column not in the header), wrong Online Retail header, empty body, broken gzip",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "bad mapping", value = ApiExamples.IMPORT_BAD_MAPPING_PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured maximum (uncompressed; default 200 MB)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response startImport(
            @Parameter(description = "online-retail (built-in mapping), csv or ndjson", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "online-retail", "csv", "ndjson" }))
            @QueryParam("format") String format,
            @Parameter(description = "csv/ndjson: JSON object from target field to source column, e.g. "
                    + "{\"externalId\":\"cust_no\",\"email\":\"mail\"}; targets: externalId (required), firstName, "
                    + "lastName, email, phone, company, jobTitle, birthday, tags (;-separated), and as a set "
                    + "orderId, sku, quantity, unitPrice, currency (+ optional description, occurredAt)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.QUERY_VALUE_MAX_LENGTH))
            @QueryParam("mapping") String mappingParam,
            @Parameter(description = "Alternative to ?mapping= for long mappings",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(MAPPING_HEADER) String mappingHeader,
            @Parameter(description = "gzip for a compressed body; anything else is read as it is",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Size of the body in bytes, when known",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807"))
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        boolean gzip = isGzip(contentEncoding, contentType);
        if (!gzip && contentLength != null && contentLength > config.maxBytes()) {
            throw new ImportTooLargeException(config.maxBytes()); // no need to read what will be refused
        }
        if (contentLength != null && contentLength == 0) {
            throw ProblemException.badRequest("body", "is empty");
        }
        ImportJob job = start.start(new StartImportCommand(format, mapping(mappingParam, mappingHeader), body, gzip));
        URI location = UriBuilder.fromResource(ImportResource.class).path(job.id().toString()).build();
        return Response.accepted(ImportJobResponse.of(job, false)).location(location).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "State and progress of an import",
            description = "Counters, skipped rows per reason, the first 1,000 skipped rows with line and reason, "
                    + "progress (bytes applied / bytes uploaded), start and end times.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "completed", value = ApiExamples.IMPORT_COMPLETED)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "400", description = "skippedRows is not true or false",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ImportJobResponse getImport(
            @Parameter(description = "Import id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("id") String id,
            @Parameter(description = "false leaves out the list of skipped rows (the counts stay): for polling the "
                    + "progress, which otherwise reads and sends up to 1,000 rows every time",
                    schema = @Schema(implementation = Boolean.class, defaultValue = "true"))
            @QueryParam("skippedRows") String skippedRows) {
        boolean listSkipped = switch (skippedRows == null ? "" : skippedRows.strip()) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("skippedRows", "must be true or false");
        };
        UUID importId = importId(id);
        return listSkipped ? ImportJobResponse.of(get.get(importId), true)
                : ImportJobResponse.of(get.getProgress(importId), false);
    }

    @GET
    @Operation(summary = "List imports", description = "Newest first, cursor pagination; skipped rows are only counted here.")
    @APIResponse(responseCode = "200", description = "One page of imports",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobResponse.PageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ImportJobResponse.PageResponse listImports(
            @Parameter(description = "Page size, 1 to 100, default 20",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursors.MAX_LENGTH))
            @QueryParam("cursor") String cursor) {
        Page<ImportJob> page = list.list(paging.request(limit, cursor, IMPORTS_CURSOR));
        return new ImportJobResponse.PageResponse(page.items().stream().map(j -> ImportJobResponse.of(j, false)).toList(),
                Cursors.encode(IMPORTS_CURSOR, page.next()));
    }

    private static boolean isGzip(String contentEncoding, String contentType) {
        if (contentEncoding != null && !contentEncoding.isBlank()) {
            String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
            if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
                return true;
            }
            if (!encoding.equals("identity")) {
                throw new ProblemException(415, dev.rapport.http.ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content encoding", "Content-Encoding " + contentEncoding
                        + " is not supported; use gzip or none");
            }
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/gzip");
    }

    private static Map<String, String> mapping(String param, String header) {
        if (param != null && header != null) {
            throw ProblemException.badRequest("mapping", "give the mapping either as ?mapping= or as the "
                    + MAPPING_HEADER + " header, not both");
        }
        String raw = param != null ? param : header;
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(raw, new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            throw ProblemException.badRequest("mapping", "must be a JSON object of strings, like "
                    + "{\"externalId\":\"cust_no\",\"email\":\"mail\"}");
        }
    }

    /** A malformed id names no import: 404, like an unknown one. */
    private static UUID importId(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ImportNotFoundException(raw);
    }
}
