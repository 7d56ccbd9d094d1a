// class-transformer's @Type reads decorator metadata while this file loads.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { SERVICE_NAMES, type ServiceName } from './services.js';

/**
 * The one envelope every integration event travels in.
 * `payload` is validated separately against the class registered for (eventType, eventVersion).
 */
export class EventEnvelope<TPayload = unknown> {
  @IsUUID('4')
  eventId!: string;

  /** Name without version, PascalCase, e.g. `DemandPublished`. */
  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]+$/)
  eventType!: string;

  @IsInt()
  @Min(1)
  eventVersion!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsIn(SERVICE_NAMES)
  producer!: ServiceName;

  /** Ties together every event caused by one user action. */
  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  /** The eventId (or request id) that directly caused this event; null for a user action. */
  @IsOptional()
  @IsString()
  causationId!: string | null;

  @IsDefined()
  @IsObject()
  @Type(() => Object)
  payload!: TPayload;
}
