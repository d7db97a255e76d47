/**
 * The `create_event` tool's input schema, written as raw JSON Schema (2020-12) so it
 * reaches `tools/list` verbatim: $defs/$ref (incl. a recursive tree), oneOf, nullable
 * enum, tuple via prefixItems, map via additionalProperties, formats and defaults.
 */
import type { JsonSchemaType } from "@modelcontextprotocol/server";

export const createEventInputSchema: JsonSchemaType = {
  type: "object",
  title: "CreateEventInput",
  description: "A calendar event with people, sessions, a location and an agenda tree.",
  $defs: {
    person: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, description: "Full name" },
        email: { type: "string", format: "email" },
        role: { type: "string", enum: ["organizer", "speaker", "attendee"], default: "attendee" },
      },
      required: ["name"],
      additionalProperties: false,
    },
    agendaNode: {
      type: "object",
      description: "One agenda item; items nest to any depth.",
      properties: {
        title: { type: "string", minLength: 1 },
        minutes: { type: "integer", minimum: 0, default: 15 },
        children: { type: "array", items: { $ref: "#/$defs/agendaNode" }, default: [] },
      },
      required: ["title"],
      additionalProperties: false,
    },
    inPerson: {
      type: "object",
      title: "In person",
      properties: {
        kind: { const: "in_person" },
        address: { type: "string", minLength: 1 },
        room: { type: ["string", "null"], default: null },
      },
      required: ["kind", "address"],
      additionalProperties: false,
    },
    online: {
      type: "object",
      title: "Online",
      properties: {
        kind: { const: "online" },
        url: { type: "string", format: "uri" },
        provider: { type: "string", enum: ["meet", "zoom", "teams", "other"], default: "other" },
      },
      required: ["kind", "url"],
      additionalProperties: false,
    },
  },
  properties: {
    title: { type: "string", minLength: 1, maxLength: 120, description: "Event title" },
    description: { type: "string", default: "" },
    start: { type: "string", format: "date-time", description: "Start time (RFC 3339)" },
    durationMinutes: { type: "integer", minimum: 5, maximum: 1440, default: 60 },
    priority: { type: "string", enum: ["low", "normal", "high"], default: "normal" },
    visibility: {
      type: ["string", "null"],
      enum: ["public", "private", null],
      default: null,
      description: "null means: use the calendar's default",
    },
    allDay: { type: "boolean", default: false },
    organizer: { $ref: "#/$defs/person" },
    attendees: { type: "array", items: { $ref: "#/$defs/person" }, maxItems: 50, default: [] },
    sessions: {
      type: "array",
      description: "Sessions, each with speakers and time slots",
      items: {
        type: "object",
        properties: {
          name: { type: "string", minLength: 1 },
          speakers: { type: "array", items: { type: "string" }, default: [] },
          slots: {
            type: "array",
            items: {
              type: "object",
              properties: {
                start: { type: "string", format: "date-time" },
                room: { type: "string" },
              },
              required: ["start"],
              additionalProperties: false,
            },
          },
        },
        required: ["name"],
        additionalProperties: false,
      },
    },
    location: {
      description: "Where the event happens: exactly one of the shapes",
      oneOf: [{ $ref: "#/$defs/inPerson" }, { $ref: "#/$defs/online" }],
    },
    reminders: {
      type: "object",
      description: 'Minutes before start, per channel (e.g. {"email": 60})',
      additionalProperties: { type: "integer", minimum: 0 },
      default: {},
    },
    coordinates: {
      type: "array",
      description: "[latitude, longitude]",
      prefixItems: [
        { type: "number", minimum: -90, maximum: 90, title: "latitude" },
        { type: "number", minimum: -180, maximum: 180, title: "longitude" },
      ],
      items: false,
      minItems: 2,
    },
    agenda: { $ref: "#/$defs/agendaNode" },
    tags: { type: "array", items: { type: "string" }, uniqueItems: true, default: [] },
  },
  required: ["title", "start", "organizer"],
  additionalProperties: false,
};

export const createEventOutputSchema: JsonSchemaType = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    start: { type: "string", format: "date-time" },
    end: { type: "string", format: "date-time" },
    attendeeCount: { type: "integer" },
    locationKind: { type: ["string", "null"], enum: ["in_person", "online", null] },
  },
  required: ["id", "title", "start", "end", "attendeeCount", "locationKind"],
  additionalProperties: false,
};

/** The subset of the input the handler reads (input validation has already run). */
export interface CreateEventInput {
  title: string;
  start: string;
  durationMinutes?: number;
  organizer: { name: string };
  attendees?: unknown[];
  location?: { kind: "in_person" | "online" };
}
