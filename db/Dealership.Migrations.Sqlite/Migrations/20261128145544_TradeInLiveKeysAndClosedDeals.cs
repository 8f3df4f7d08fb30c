using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TradeInLiveKeysAndClosedDeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LiveOrderId",
                table: "TradeIns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveVin",
                table: "TradeIns",
                type: "TEXT",
                maxLength: 17,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoutAmount",
                table: "TradeIns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoutAmount",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveOrderId",
                table: "TradeIns",
                column: "LiveOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveVin",
                table: "TradeIns",
                column: "LiveVin",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TradeIns_LiveOrderId",
                table: "TradeIns");

            migrationBuilder.DropIndex(
                name: "IX_TradeIns_LiveVin",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "LiveOrderId",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "LiveVin",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoutAmount",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoutAmount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders");
        }
    }
}
