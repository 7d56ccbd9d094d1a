import {
  Global,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS } from './auth.constants.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';

export type AuthModuleOptions = JwtVerifierOptions;

export interface AuthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: any[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
}

/**
 * Global auth module. Import once in each app's root module:
 *   AuthModule.forRoot({ publicKeyPem, issuer, audience })
 * It registers JwtAuthGuard as APP_GUARD (every HTTP route needs a Bearer token unless @Public())
 * and exports JwtVerifier (for verifying tokens outside HTTP) and AUTH_OPTIONS.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return AuthModule.build([{ provide: AUTH_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return AuthModule.build(
      [{ provide: AUTH_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }],
      options.imports,
    );
  }

  private static build(optionsProviders: Provider[], imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        ...optionsProviders,
        {
          provide: JwtVerifier,
          useFactory: (options: AuthModuleOptions) => new JwtVerifier(options),
          inject: [AUTH_OPTIONS],
        },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [AUTH_OPTIONS, JwtVerifier],
    };
  }
}
