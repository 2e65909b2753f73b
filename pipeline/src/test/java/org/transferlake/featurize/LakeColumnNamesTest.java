package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LakeColumnNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      MagpieData minimum GSvolume_pa   | magpie_minimum_gsvolume_pa
      MagpieData avg_dev NValence      | magpie_avg_dev_nvalence
      MagpieData mode SpaceGroupNumber | magpie_mode_spacegroupnumber
      MagpieData  mean -- Number       | magpie_mean_number
      Magpie Data mean Number          | magpie_data_mean_number
      frac Fe                          | frac_fe
      'band gap (eV)'                  | band_gap_ev_
      """)
  void matminerNamesBecomeLowerCaseWithUnderscores(String matminer, String lake) {
    assertEquals(lake, LakeColumnNames.fromMatminer(matminer));
  }
}
