import type { MeetingDefinition } from '../src/core/index.js';

/**
 * The demo's sample cell, after seed 003 (Yên Bái, 2023): Chi bộ VNPT Văn Yên,
 * 8 members, followed by the Đảng ủy Khối from its own bridge point. The names
 * are invented.
 */
export function sampleMeeting(scheduledAt: string): MeetingDefinition {
  return {
    id: 'vnpt-van-yen-2026-11',
    title: 'Sinh hoạt chi bộ định kỳ tháng 11/2026',
    cell: {
      id: 'chi-bo-vnpt-van-yen',
      name: 'Chi bộ VNPT Văn Yên',
      parentName: 'Đảng bộ VNPT Yên Bái',
      members: [
        { id: 'hoang-van-minh', name: 'Hoàng Văn Minh', status: 'full' },
        { id: 'nguyen-thi-lan', name: 'Nguyễn Thị Lan', status: 'full' },
        { id: 'tran-duc-thang', name: 'Trần Đức Thắng', status: 'full' },
        { id: 'le-thi-hoa', name: 'Lê Thị Hoa', status: 'full' },
        { id: 'pham-van-long', name: 'Phạm Văn Long', status: 'full' },
        { id: 'do-thi-thu-ha', name: 'Đỗ Thị Thu Hà', status: 'full' },
        { id: 'vu-quang-huy', name: 'Vũ Quang Huy', status: 'full' },
        { id: 'bui-thi-ngoc-anh', name: 'Bùi Thị Ngọc Anh', status: 'probationary' },
      ],
    },
    chairId: 'hoang-van-minh',
    delegates: [{ id: 'dang-van-son', name: 'Đặng Văn Sơn', organization: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh' }],
    scheduledAt,
    kind: 'regular',
    mode: 'hybrid',
    // Seed 003: the cell meets at Văn Yên, bridged to VNPT Yên Bái and to the Đảng ủy Khối.
    bridgePoints: [
      { id: 'van-yen', name: 'VNPT Văn Yên (điểm cầu chính)', main: true },
      { id: 'vnpt-yen-bai', name: 'Đảng bộ VNPT Yên Bái' },
      { id: 'dang-uy-khoi', name: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh' },
    ],
    seating: { 'dang-van-son': 'dang-uy-khoi' },
  };
}
