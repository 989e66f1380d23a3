package cn.nantong.livingcircle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LivingCircleApplication {
    public static void main(String[] args) {
        SpringApplication.run(LivingCircleApplication.class, args);
    }
}
