import { Module } from '@nestjs/common';
import { DestinationsModule } from '../destinations/destinations.module.js';
import { PlacementRatesController } from './placement-rates.controller.js';
import { PlacementRatesRepository } from './placement-rates.repository.js';
import { ReadPlacementRatesUseCase } from './use-cases/read-placement-rates.use-case.js';

/** 去向落实率: reports by college, department, major, degree and cohort as of any date; region report. */
@Module({
  imports: [DestinationsModule],
  controllers: [PlacementRatesController],
  providers: [PlacementRatesRepository, ReadPlacementRatesUseCase],
})
export class PlacementRatesModule {}
