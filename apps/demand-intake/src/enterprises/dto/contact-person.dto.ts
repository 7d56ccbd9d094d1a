import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { CONTACT_PHONE_PATTERN, IfPresent, Trim } from './enterprise-field.validators.js';

const PHONE_MESSAGE = '联系电话须为手机号（如 13812345678）或带区号的座机号（如 0571-88123456）';
const EMAIL_MESSAGE = '电子邮箱格式不正确，如 zhangsan@example.com';

/** 企业联系人: personal data, masked for everyone but the enterprise itself and platform admins. */
export class ContactPersonDto {
  @ApiProperty({ description: '联系人姓名（1–50 字）', example: '张三' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '联系人姓名不能为空' })
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '联系电话：大陆手机号或带区号的座机号', example: '13812341234' })
  @Trim()
  @IsString()
  @Matches(CONTACT_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone!: string;

  @ApiProperty({ description: '联系人电子邮箱', example: 'zhangsan@example.com' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email!: string;
}

/** The contact fields a PATCH changes; the others stay as they are. */
export class UpdateContactPersonDto {
  @ApiProperty({ description: '联系人姓名（1–50 字）', example: '李四', required: false })
  @IfPresent()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '联系人姓名不能为空' })
  @MaxLength(50)
  name?: string;

  @ApiProperty({ description: '联系电话：大陆手机号或带区号的座机号', example: '0571-88123456', required: false })
  @IfPresent()
  @Trim()
  @IsString()
  @Matches(CONTACT_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiProperty({ description: '联系人电子邮箱', example: 'lisi@example.com', required: false })
  @IfPresent()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email?: string;
}
