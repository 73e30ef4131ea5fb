// A NestJS application whose controller takes the example service's models through `ModelPipe`.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Patch, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ModelPipe } from 'tydantic/nestjs';
import { BookTickets, BookingPath, BookingQuery, UpdateBooking, type Booking, type BookingPage } from '../../examples/service/models';
import { Bookings } from '../../examples/service/routes';

const bookings = new Bookings(() => new Date('2026-12-06T12:00:00.000Z'));

@Controller('orders')
class OrdersController {
  @Post()
  create(@Body(new ModelPipe(BookTickets)) input: BookTickets): Booking {
    return bookings.create(input);
  }

  @Get()
  list(@Query(new ModelPipe(BookingQuery)) query: BookingQuery): BookingPage {
    return bookings.list(query);
  }

  @Patch(':id')
  update(@Param(new ModelPipe(BookingPath)) path: BookingPath, @Body(new ModelPipe(UpdateBooking)) change: UpdateBooking): Booking | { detail: string } {
    return bookings.update(path, change) ?? { detail: 'No such order' };
  }
}

@Module({ controllers: [OrdersController] })
class AppModule {}

/** The application, not yet listening. */
export function createApp(): Promise<INestApplication> {
  return NestFactory.create(AppModule, { logger: false });
}
