/**
 * The part of an address below the commune (số nhà, ngõ / hẻm, phố / đường, thôn / xóm / ấp / bản), in the styles
 * of each region: "Số 12, ngõ 45 phố Hoàng Hoa Thám" in a northern phường, "18/7 đường Lê Lợi" in the south,
 * "Thôn Đông" in a northern xã, "Ấp Phú Mỹ" in the Mekong delta, "Bản Nà Phai" in the mountains.
 */
import type { Commune, Region } from "./geography.js";
import type { Random } from "./random.js";

const STREETS = [
  "Hoàng Hoa Thám",
  "Lê Lợi",
  "Trần Hưng Đạo",
  "Nguyễn Huệ",
  "Hai Bà Trưng",
  "Lý Thường Kiệt",
  "Quang Trung",
  "Nguyễn Trãi",
  "Lê Duẩn",
  "Điện Biên Phủ",
  "Phan Đình Phùng",
  "Trần Phú",
  "Nguyễn Du",
  "Lê Thánh Tông",
  "Nguyễn Văn Cừ",
  "Võ Thị Sáu",
  "Nguyễn Thị Minh Khai",
  "Phan Chu Trinh",
  "Bà Triệu",
  "Lý Thái Tổ",
  "Trường Chinh",
  "Giải Phóng",
  "Hùng Vương",
  "Nguyễn Chí Thanh",
  "Tôn Đức Thắng",
  "Cách Mạng Tháng Tám",
  "Lạc Long Quân",
  "Âu Cơ",
  "Nguyễn Văn Linh",
  "Phạm Văn Đồng",
  "Võ Văn Kiệt",
  "Lê Văn Sỹ",
  "Pasteur",
  "Nguyễn Đình Chiểu",
  "Chu Văn An",
  "Ngô Quyền",
  "Đinh Tiên Hoàng",
  "Lê Hồng Phong",
  "Nguyễn Thái Học",
  "Kim Mã",
  "Xã Đàn",
  "Láng",
  "Cầu Giấy",
  "Minh Khai",
  "Tây Sơn",
  "Hoàng Diệu",
  "Trần Quang Khải",
  "Nguyễn Tất Thành",
  "Bạch Đằng",
  "Lý Tự Trọng",
  "Yên Phụ",
  "Thụy Khuê",
  "Đội Cấn",
  "Nguyễn Khánh Toàn",
];

const VILLAGES = [
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Thượng",
  "Hạ",
  "Trung",
  "Đoài",
  "Đình",
  "An Lạc",
  "Phú Mỹ",
  "Tân Lập",
  "Hòa Bình",
  "Thắng Lợi",
  "Đoàn Kết",
  "Quyết Tiến",
  "Tiền Phong",
  "Đồng Tâm",
  "An Thịnh",
  "Bình Minh",
  "Hưng Long",
  "Tân Hòa",
  "Phước Lộc",
  "Mỹ Hòa",
  "Tân Thành",
  "Bình Thạnh",
  "Long Hưng",
  "Vĩnh Phú",
  "Phú Lợi",
  "Hòa Lạc",
  "Đồng Xuân",
  "Cổ Loan",
  "Văn Giáp",
  "Thanh Xuân",
  "Yên Thái",
  "Phú Thứ",
];

const MOUNTAIN_FIRST = ["Nà", "Pác", "Nậm", "Huổi", "Phiêng", "Khau", "Co", "Hua", "Tà", "Lũng", "Bó", "Kéo"];
const MOUNTAIN_SECOND = ["Phai", "Lẹng", "Cắt", "Mò", "Luông", "Sán", "Pe", "Mạ", "Vai", "Pục", "Chang", "Sảo"];
const HIGHLAND_VILLAGES = [
  "Buôn Ea Tu",
  "Buôn Kô Sia",
  "Buôn Ko Tam",
  "Plei Ơi",
  "Plei Rơ Ngheo",
  "Làng Kon Klor",
  "Buôn Đôn",
  "Bon Bu Prăng",
];
const FIELDS = ["Cửa Đình", "Đồng Trên", "Đồng Dưới", "Bãi Giữa", "Gò Cao", "Ao Cá", "Đồng Chùa", "Bờ Sông", "Đồng Mả", "Cầu Đá"];

const isSouth = (region: Region) => region === "south-east" || region === "mekong" || region === "south-central" || region === "highlands";

function urban(random: Random, region: Region): string {
  const street = random.pick(STREETS);
  const n = random.int(1, 250);
  const roll = random.next();
  if (isSouth(region)) {
    if (roll < 0.4) return `Số ${n} đường ${street}`;
    if (roll < 0.7) return `${n}/${random.int(1, 60)} đường ${street}`;
    if (roll < 0.9) return `Số ${n}, hẻm ${random.int(1, 400)} đường ${street}`;
    return `Số ${n}, khu phố ${random.int(1, 12)}`;
  }
  if (roll < 0.35) return `Số ${n}, ngõ ${random.int(1, 400)} phố ${street}`;
  if (roll < 0.6) return `Số ${n} phố ${street}`;
  if (roll < 0.72) return `Số ${random.int(1, 40)}, ngách ${random.int(1, 90)}, ngõ ${random.int(1, 400)} phố ${street}`;
  return `Số ${n}, tổ dân phố ${random.int(1, 30)}`;
}

function rural(random: Random, region: Region): string {
  const roll = random.next();
  switch (region) {
    case "north-mountain":
      return roll < 0.6 ? `Bản ${random.pick(MOUNTAIN_FIRST)} ${random.pick(MOUNTAIN_SECOND)}` : `Thôn ${random.pick(VILLAGES)}`;
    case "highlands":
      return roll < 0.3 ? random.pick(HIGHLAND_VILLAGES) : roll < 0.7 ? `Thôn ${random.int(1, 15)}` : `Thôn ${random.pick(VILLAGES)}`;
    case "south-east":
    case "mekong":
      return roll < 0.6 ? `Ấp ${random.pick(VILLAGES)}` : `Ấp ${random.int(1, 12)}`;
    case "south-central":
      return roll < 0.5 ? `Thôn ${random.pick(VILLAGES)}` : `Thôn ${random.int(1, 12)}`;
    default:
      return roll < 0.55
        ? `Thôn ${random.pick(VILLAGES)}`
        : roll < 0.85
          ? `Xóm ${random.int(1, 15)}`
          : `Thôn ${random.pick(VILLAGES)} ${random.int(1, 4)}`;
  }
}

/** A residential address line within the commune. */
export function addressLine(random: Random, commune: Commune): string {
  const region = commune.province.region;
  if (commune.kind === "PHUONG") return urban(random, region);
  if (commune.kind === "DAC_KHU") return random.chance(0.5) ? `Tổ dân phố ${random.int(1, 12)}` : `Thôn ${random.pick(VILLAGES)}`;
  const village = rural(random, region);
  return random.chance(0.3) ? `Số nhà ${random.int(1, 200)}, ${village}` : village;
}

/** Where a farm, forest or pond parcel lies ("Xứ đồng Cửa Đình, Thôn Đông"). */
export function fieldLine(random: Random, village: string): string {
  return `Xứ đồng ${random.pick(FIELDS)}, ${village.replace(/^Số nhà \d+, /, "")}`;
}
