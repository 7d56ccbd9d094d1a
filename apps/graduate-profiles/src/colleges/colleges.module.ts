import { Module } from '@nestjs/common';
import { CollegesController } from './colleges.controller.js';
import { CollegesRepository } from './colleges.repository.js';
import { GetCollegeUseCase } from './use-cases/get-college.use-case.js';
import { RegisterCollegeUseCase } from './use-cases/register-college.use-case.js';
import { UpdateCollegeUseCase } from './use-cases/update-college.use-case.js';

/**
 * 院校: registration and changes. Other contexts of this service read a college (its 院系, in their
 * transaction) through the exported repository; see ./index.ts.
 */
@Module({
  controllers: [CollegesController],
  providers: [CollegesRepository, RegisterCollegeUseCase, UpdateCollegeUseCase, GetCollegeUseCase],
  exports: [CollegesRepository],
})
export class CollegesModule {}
