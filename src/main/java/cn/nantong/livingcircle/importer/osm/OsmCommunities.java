package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.nantong.livingcircle.community.CommunityWriter.CommunityRow;
import cn.nantong.livingcircle.community.CommunityWriter.DistrictRow;
import cn.nantong.livingcircle.community.CommunityWriter.SubdistrictRow;

/**
 * The communities of a file, filled in as buildings and places are mapped. Each named {@code landuse=residential}
 * closed way becomes a community ({@code osm-w<id>}) holding the buildings and places whose centroid lies inside it
 * (the smallest such area if nested); everything else goes to one fallback community per file ({@code osm-<file>})
 * at the mean position of its members. Every OSM community hangs under one placeholder subdistrict and district per
 * file; OSM does not carry China's administrative levels reliably enough for these.
 */
final class OsmCommunities {

    private final OsmBuildings.Areas areas;
    private final String slug;
    private final String fileLabel;
    private final String fallbackId;
    private final Set<String> used = new LinkedHashSet<>();
    private final List<double[]> fallbackMembers = new ArrayList<>();

    OsmCommunities(OsmExtract x, String slug) {
        this.areas = OsmBuildings.residentialAreas(x);
        this.slug = slug;
        this.fileLabel = x.fileName;
        this.fallbackId = OsmIds.datasetId(slug);
    }

    OsmBuildings.Areas areas() {
        return areas;
    }

    /**
     * The community of a building or place at the point, recorded as used.
     *
     * @param namedArea {@link OsmBuildings.Areas#communityAt} of the point: null puts it in the fallback community
     */
    String member(String namedArea, double lat, double lon) {
        String community = namedArea;
        if (community == null) {
            community = fallbackId;
            fallbackMembers.add(new double[] {lat, lon});
        }
        used.add(community);
        return community;
    }

    /** The number of communities with at least one member. */
    int count() {
        return used.size();
    }

    /** The communities with members, in order of their first member. */
    List<CommunityRow> communities() {
        String subdistrictId = OsmIds.subdistrict(slug);
        List<CommunityRow> rows = new ArrayList<>();
        for (String id : used) {
            if (id.equals(fallbackId)) {
                double lat = fallbackMembers.stream().mapToDouble(p -> p[0]).average().orElse(0);
                double lon = fallbackMembers.stream().mapToDouble(p -> p[1]).average().orElse(0);
                String name = fileLabel + " (OSM, outside named residential areas)";
                rows.add(new CommunityRow(id, subdistrictId, name, name, lat, lon, null, null, null, false,
                        "fallback per OSM file"));
            } else {
                OsmBuildings.Area a = areas.byId(id);
                rows.add(new CommunityRow(id, subdistrictId, a.nameZh(), a.nameEn(), a.lat(), a.lon(),
                        a.areaSquareMeters(), null, null, false, "OpenStreetMap landuse=residential name"));
            }
        }
        return rows;
    }

    List<DistrictRow> districts() {
        String name = fileLabel + " (OSM placeholder district)";
        return List.of(new DistrictRow(OsmIds.district(slug), name, name));
    }

    List<SubdistrictRow> subdistricts() {
        String name = fileLabel + " (OSM placeholder subdistrict)";
        return List.of(new SubdistrictRow(OsmIds.subdistrict(slug), OsmIds.district(slug), name, name));
    }
}
