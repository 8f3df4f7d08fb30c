using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TradeInDeadlinesFixedAtDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CancellableUntil",
                table: "TradeIns",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoffRefundDue",
                table: "TradeIns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PayoffToRecover",
                table: "TradeIns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CancellableUntil",
                table: "Orders",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellableUntil",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoffRefundDue",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoffToRecover",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "CancellableUntil",
                table: "Orders");
        }
    }
}
